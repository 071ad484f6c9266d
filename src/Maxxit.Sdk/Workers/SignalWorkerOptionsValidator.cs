using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Workers;

/// <summary>Checks <see cref="SignalWorkerOptions"/>; each failure names the option and the reason.</summary>
internal sealed class SignalWorkerOptionsValidator : IValidateOptions<SignalWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, SignalWorkerOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromDays(1))
        {
            failures.Add($"{nameof(SignalWorkerOptions.Interval)}: must be between 100 ms and 1 day");
        }

        if (options.MaxItemAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(SignalWorkerOptions.MaxItemAge)}: must be positive (or null to keep everything)");
        }

        if (options.ResumePendingSignals is < 0 or > 10_000)
        {
            failures.Add($"{nameof(SignalWorkerOptions.ResumePendingSignals)}: must be between 0 and 10000");
        }

        if (options.HelpWithFanOutOrders is < 0 or > 10_000)
        {
            failures.Add($"{nameof(SignalWorkerOptions.HelpWithFanOutOrders)}: must be between 0 and 10000");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
