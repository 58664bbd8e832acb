"""entities stage of khabar."""
