"""text stage of khabar."""
