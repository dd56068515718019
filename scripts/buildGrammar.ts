// Generates syntaxes/*.tmLanguage.json from the core's word lists (written by the extension work).
