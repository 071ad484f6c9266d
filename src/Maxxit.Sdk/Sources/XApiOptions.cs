namespace Maxxit.Sdk.Sources;

/// <summary>Options of the X API v2 client. The bearer token is only ever sent in the Authorization header.</summary>
public sealed class XApiOptions
{
    /// <summary>The app's bearer token. Required; never logged.</summary>
    public string? BearerToken { get; set; }

    /// <summary>API root (default <c>https://api.x.com/</c>).</summary>
    public Uri BaseAddress { get; set; } = new("https://api.x.com/");

    /// <summary>Posts per page, <c>max_results</c> (5–100, default 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Pages read per account and cycle (1–50, default 5); posts beyond are not read, and a warning says so.</summary>
    public int MaxPages { get; set; } = 5;

    /// <summary>How often a request rate-limited with 429 is retried after waiting for the reset (0–10, default 3).</summary>
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>The longest single wait for a rate-limit reset (1 s–1 h, default 15 minutes, X's window).</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wait when a 429 carries neither <c>x-rate-limit-reset</c> nor <c>Retry-After</c> (default 60 s).</summary>
    public TimeSpan DefaultRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string ToString() => $"XApiOptions {{ BaseAddress = {BaseAddress}, BearerToken = {(BearerToken is null ? "(none)" : "***")} }}";
}
