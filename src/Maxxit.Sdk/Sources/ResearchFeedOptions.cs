namespace Maxxit.Sdk.Sources;

/// <summary>Options of the HTTP research feed client.</summary>
public sealed class ResearchFeedOptions
{
    /// <summary>Feed root; calls are read from <c>{BaseAddress}institutes/{id}/signals?since=…</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Optional bearer token for the feed; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ResearchFeedOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(ApiKey is null ? "(none)" : "***")} }}";
}
