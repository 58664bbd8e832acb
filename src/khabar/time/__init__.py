"""time stage of khabar."""
