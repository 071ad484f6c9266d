using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Positions;

/// <summary>Checks <see cref="PositionMonitorOptions"/>; each failure names the option and the reason.</summary>
public sealed class PositionMonitorOptionsValidator : IValidateOptions<PositionMonitorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PositionMonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Range(failures, nameof(options.Interval), options.Interval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        Range(failures, nameof(options.CloseLease), options.CloseLease, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));
        Range(failures, nameof(options.ReconcileInterval), options.ReconcileInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(failures, nameof(options.ReconcileGracePeriod), options.ReconcileGracePeriod, TimeSpan.Zero, TimeSpan.FromHours(1));
        if (options.PageSize is < 1 or > 10_000)
        {
            failures.Add($"{nameof(options.PageSize)}: must be between 1 and 10000");
        }

        if (options.MaxCloseAttempts is < 1 or > 100)
        {
            failures.Add($"{nameof(options.MaxCloseAttempts)}: must be between 1 and 100");
        }

        if (options.ShardCount is < 1 or > 1024)
        {
            failures.Add($"{nameof(options.ShardCount)}: must be between 1 and 1024");
        }
        else if (options.ShardIndex < 0 || options.ShardIndex >= options.ShardCount)
        {
            failures.Add($"{nameof(options.ShardIndex)}: must be between 0 and {nameof(options.ShardCount)} - 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{name}: must be between {min} and {max}");
        }
    }
}
