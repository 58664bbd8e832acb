"""api stage of khabar."""
