namespace Maxxit.Sdk.Sources;

/// <summary>Finds the tokens a post talks about.</summary>
public interface ITokenMentionExtractor
{
    /// <summary>The distinct upper-case symbols mentioned, in order of first mention.</summary>
    IReadOnlyList<string> Extract(string text);
}
