/* The chat widget: built in the widget work (issue 9). */
