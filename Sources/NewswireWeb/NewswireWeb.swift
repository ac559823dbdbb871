/// The read side of a Newswire store: the HTTP API, the story pages and the feeds out.
public enum NewswireWeb {}
