using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Routing;

/// <summary>Validates <see cref="BestExecutionOptions"/> at start: every interval and the default notional must be positive.</summary>
public sealed class BestExecutionOptionsValidator : IValidateOptions<BestExecutionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BestExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.CostRefreshInterval <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(BestExecutionOptions.CostRefreshInterval)} must be > 0, got {options.CostRefreshInterval}");
        }

        if (options.MaxCostSnapshotAge <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(BestExecutionOptions.MaxCostSnapshotAge)} must be > 0, got {options.MaxCostSnapshotAge}");
        }

        if (options.DefaultHoldingPeriod < TimeSpan.Zero)
        {
            errors.Add($"{nameof(BestExecutionOptions.DefaultHoldingPeriod)} must be >= 0, got {options.DefaultHoldingPeriod}");
        }

        if (options.DefaultNotionalUsd <= 0)
        {
            errors.Add($"{nameof(BestExecutionOptions.DefaultNotionalUsd)} must be > 0, got {options.DefaultNotionalUsd}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
