namespace Maxxit.Sdk.Docs.Tests;

/// <summary>One fenced block of a markdown file: its info string, the 1-based line of its opening fence, its text.</summary>
public sealed record CodeBlock(string File, int Line, string Language, string Code);
