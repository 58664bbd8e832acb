"""ingest stage of khabar."""
