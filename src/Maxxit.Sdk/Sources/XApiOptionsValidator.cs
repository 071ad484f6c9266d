using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Sources;

/// <summary>Checks <see cref="XApiOptions"/>; each failure names the option and the reason.</summary>
internal sealed class XApiOptionsValidator : IValidateOptions<XApiOptions>
{
    public ValidateOptionsResult Validate(string? name, XApiOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BearerToken))
        {
            failures.Add($"{nameof(XApiOptions.BearerToken)}: is required");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } b || (b.Scheme != Uri.UriSchemeHttps && b.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{nameof(XApiOptions.BaseAddress)}: must be an absolute http(s) address");
        }

        if (options.PageSize is < 5 or > 100)
        {
            failures.Add($"{nameof(XApiOptions.PageSize)}: must be between 5 and 100");
        }

        if (options.MaxPages is < 1 or > 50)
        {
            failures.Add($"{nameof(XApiOptions.MaxPages)}: must be between 1 and 50");
        }

        if (options.MaxRateLimitRetries is < 0 or > 10)
        {
            failures.Add($"{nameof(XApiOptions.MaxRateLimitRetries)}: must be between 0 and 10");
        }

        if (options.MaxRateLimitWait < TimeSpan.FromSeconds(1) || options.MaxRateLimitWait > TimeSpan.FromHours(1))
        {
            failures.Add($"{nameof(XApiOptions.MaxRateLimitWait)}: must be between 1 second and 1 hour");
        }

        if (options.DefaultRateLimitWait <= TimeSpan.Zero || options.DefaultRateLimitWait > options.MaxRateLimitWait)
        {
            failures.Add($"{nameof(XApiOptions.DefaultRateLimitWait)}: must be positive and at most {nameof(XApiOptions.MaxRateLimitWait)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
