namespace Maxxit.Sdk.Signals;

/// <summary>A post from X.</summary>
/// <param name="Id">Post id.</param>
/// <param name="AuthorId">Author's account id.</param>
/// <param name="Text">Post text.</param>
/// <param name="CreatedAt">When it was posted.</param>
public sealed record XPost(string Id, string AuthorId, string Text, DateTimeOffset CreatedAt);
