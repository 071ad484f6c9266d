using Microsoft.Playwright;

namespace Maxxit.Sample.Api.Tests.Dashboard;

/// <summary>
/// Debian's Chromium (package <c>chromium</c>, installed by .ci/run when missing) driven by Playwright. Playwright's own
/// browser download is never used. A missing browser fails the test with what to install: it never skips.
/// </summary>
public sealed class SystemChromium : IAsyncDisposable
{
    /// <summary>Where Debian puts it; <c>MAXXIT_CHROMIUM</c> overrides.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    // The flags for a root user in a container with no network: no sandbox (root), no GPU, and none of Chromium's own
    // calls home (component updates, sync, background networking, QUIC).
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private SystemChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    /// <summary>The browser's one context (a fresh profile directory).</summary>
    public IBrowserContext Context { get; }

    public static async Task<SystemChromium> LaunchAsync(int width, int height)
    {
        var path = Environment.GetEnvironmentVariable("MAXXIT_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultPath;
        Assert.True(File.Exists(path), $"Chromium not found at {path}: install Debian's package (`apt-get install -y chromium`; .ci/run does it) or set MAXXIT_CHROMIUM");

        var profile = Path.Combine(Path.GetTempPath(), "maxxit-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = Flags,
                ViewportSize = new ViewportSize { Width = width, Height = height },
                Timeout = 60_000,
            });
            return new SystemChromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of a file; the directory is under the temp folder.
        }
    }
}
