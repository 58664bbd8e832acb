"""quantities stage of khabar."""
