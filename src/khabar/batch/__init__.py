"""batch stage of khabar."""
