using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.DependencyInjection;

/// <summary>Checks <see cref="MaxxitOptions"/>; each failure names the option and the reason.</summary>
public sealed class MaxxitOptionsValidator : IValidateOptions<MaxxitOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MaxxitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MasterKey is { } key && !IsAes256Key(key))
        {
            failures.Add($"{nameof(MaxxitOptions.MasterKey)}: must be base64 of exactly 32 bytes");
        }

        for (var i = 0; i < options.PreviousMasterKeys.Count; i++)
        {
            if (!IsAes256Key(options.PreviousMasterKeys[i]))
            {
                failures.Add($"{nameof(MaxxitOptions.PreviousMasterKeys)}[{i}]: must be base64 of exactly 32 bytes");
            }
        }

        if (options.PreviousMasterKeys.Count > 0 && options.MasterKey is null)
        {
            failures.Add($"{nameof(MaxxitOptions.PreviousMasterKeys)}: needs a current {nameof(MaxxitOptions.MasterKey)} to encrypt under");
        }

        Range(failures, nameof(MaxxitOptions.MarketRefreshInterval), options.MarketRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(failures, nameof(MaxxitOptions.RoutingConfigRefreshInterval), options.RoutingConfigRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        // Leases are renewed every third of their length while work is in flight, so a short one costs renewals, not safety.
        Range(failures, nameof(MaxxitOptions.SignalLease), options.SignalLease, TimeSpan.FromMilliseconds(300), TimeSpan.FromHours(1));
        if (options.MaxOrdersInFlightPerVenue is < 1 or > 1_000)
        {
            failures.Add($"{nameof(MaxxitOptions.MaxOrdersInFlightPerVenue)}: must be between 1 and 1000");
        }

        if (options.MaxUnknownOutcomes is < 1 or > 100)
        {
            failures.Add($"{nameof(MaxxitOptions.MaxUnknownOutcomes)}: must be between 1 and 100");
        }

        if (options.PaperBehavior is not { } paper)
        {
            failures.Add($"{nameof(MaxxitOptions.PaperBehavior)}: must not be null");
        }
        else
        {
            foreach (var (option, value) in new[] { (nameof(paper.PendingFraction), paper.PendingFraction), (nameof(paper.CancelFraction), paper.CancelFraction), (nameof(paper.PartialFillFraction), paper.PartialFillFraction) })
            {
                if (value is < 0 or > 1 || double.IsNaN(value))
                {
                    failures.Add($"{nameof(MaxxitOptions.PaperBehavior)}.{option}: must be between 0 and 1");
                }
            }

            if (paper.Latency < TimeSpan.Zero || paper.PendingDelay < TimeSpan.Zero)
            {
                failures.Add($"{nameof(MaxxitOptions.PaperBehavior)}: {nameof(paper.Latency)} and {nameof(paper.PendingDelay)} must not be negative");
            }

            if (paper.PendingSlippage is < 0m or >= 1m)
            {
                failures.Add($"{nameof(MaxxitOptions.PaperBehavior)}.{nameof(paper.PendingSlippage)}: must be in [0, 1)");
            }
        }
        if (options.DefaultLeverage is < Venues.LeverageLimits.Minimum or > Venues.LeverageLimits.Highest)
        {
            failures.Add($"{nameof(MaxxitOptions.DefaultLeverage)}: must be between 1 and 100");
        }

        if (options.PaperAccountValueUsd <= 0m)
        {
            failures.Add($"{nameof(MaxxitOptions.PaperAccountValueUsd)}: must be positive");
        }

        if (options.PaperFeeRate is < 0m or > 0.01m)
        {
            failures.Add($"{nameof(MaxxitOptions.PaperFeeRate)}: must be between 0 and 0.01");
        }

        if (options.SignalConfidenceThreshold is < 0m or > 1m)
        {
            failures.Add($"{nameof(MaxxitOptions.SignalConfidenceThreshold)}: must be between 0 and 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAes256Key(string? base64)
    {
        if (base64 is null)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[48];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written == 32;
    }

    private static void Range(List<string> failures, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{name}: must be between {min} and {max}");
        }
    }
}
