using Maxxit.Sdk.Ethereum;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium;

/// <summary>Checks <see cref="OstiumOptions"/>; each failure names the option and the reason.</summary>
public sealed class OstiumOptionsValidator : IValidateOptions<OstiumOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OstiumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        HttpUrl(failures, nameof(OstiumOptions.RpcUrl), options.RpcUrl);
        HttpUrl(failures, nameof(OstiumOptions.SubgraphUrl), options.SubgraphUrl);
        HttpUrl(failures, nameof(OstiumOptions.PriceFeedUrl), options.PriceFeedUrl);
        if (options.ChainId == 0)
        {
            failures.Add($"{nameof(OstiumOptions.ChainId)}: must not be 0");
        }

        Address(failures, nameof(OstiumOptions.TradingAddress), options.TradingAddress, required: true);
        Address(failures, nameof(OstiumOptions.TradingStorageAddress), options.TradingStorageAddress, required: true);
        Address(failures, nameof(OstiumOptions.UsdcAddress), options.UsdcAddress, required: true);
        Address(failures, nameof(OstiumOptions.BuilderAddress), options.BuilderAddress, required: false);
        Address(failures, nameof(OstiumOptions.TradingCallbacksAddress), options.TradingCallbacksAddress, required: false);
        if (options.TimeoutSweepInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{nameof(OstiumOptions.TimeoutSweepInterval)}: must be at least 1 second");
        }

        if (options.LogLookbackBlocks < 1000)
        {
            failures.Add($"{nameof(OstiumOptions.LogLookbackBlocks)}: must be at least 1000");
        }
        Range(failures, nameof(OstiumOptions.SlippagePercent), options.SlippagePercent, 0.01m, 50m);
        Range(failures, nameof(OstiumOptions.BuilderFeePercent), options.BuilderFeePercent, 0m, 0.5m);
        if (options.BuilderFeePercent > 0m && string.IsNullOrEmpty(options.BuilderAddress))
        {
            failures.Add($"{nameof(OstiumOptions.BuilderAddress)}: is required when {nameof(OstiumOptions.BuilderFeePercent)} is above 0");
        }

        Range(failures, nameof(OstiumOptions.GasLimitMultiplier), options.GasLimitMultiplier, 1m, 3m);
        Range(failures, nameof(OstiumOptions.BaseFeeMultiplier), options.BaseFeeMultiplier, 1m, 10m);
        Range(failures, nameof(OstiumOptions.ReadRetryCount), options.ReadRetryCount, 0, 10);
        Span(failures, nameof(OstiumOptions.ReceiptTimeout), options.ReceiptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        Span(failures, nameof(OstiumOptions.ReceiptPollInterval), options.ReceiptPollInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        Span(failures, nameof(OstiumOptions.ReadRetryDelay), options.ReadRetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Span(failures, nameof(OstiumOptions.RequestTimeout), options.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void HttpUrl(List<string> failures, string name, Uri? url)
    {
        if (url is null)
        {
            failures.Add($"{name}: is required");
        }
        else if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{name}: must be an absolute http or https URL");
        }
    }

    private static void Address(List<string> failures, string name, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                failures.Add($"{name}: is required");
            }
        }
        else if (!EthereumAddress.TryParse(value, out var address))
        {
            failures.Add($"{name}: must be 0x followed by 40 hex digits (with a valid EIP-55 checksum when mixed case)");
        }
        else if (address.IsZero)
        {
            failures.Add($"{name}: must not be the zero address");
        }
    }

    private static void Range(List<string> failures, string name, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{name}: must be between {min} and {max}");
        }
    }

    private static void Span(List<string> failures, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{name}: must be between {min} and {max}");
        }
    }
}
