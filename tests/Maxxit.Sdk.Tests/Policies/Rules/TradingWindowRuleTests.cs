using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies.Rules;

public class TradingWindowRuleTests
{
    private readonly TradingWindowRule _rule = new();

    [Theory]
    [InlineData(8, 59, PolicyOutcome.Rejected)]
    [InlineData(9, 0, PolicyOutcome.Accepted)]
    [InlineData(16, 59, PolicyOutcome.Accepted)]
    [InlineData(17, 0, PolicyOutcome.Rejected)]
    public void Hours_are_a_half_open_utc_window(int hour, int minute, PolicyOutcome expected)
    {
        var policy = new DeploymentPolicy { TradingHoursStartUtc = 9, TradingHoursEndUtc = 17 };

        Assert.Equal(expected, Run(_rule, policy, now: new DateTimeOffset(2026, 11, 2, hour, minute, 0, TimeSpan.Zero)).Outcome);
    }

    [Fact]
    public void Hours_are_read_in_utc_whatever_the_offset_of_the_clock()
    {
        var policy = new DeploymentPolicy { TradingHoursStartUtc = 9, TradingHoursEndUtc = 12 };
        var tenInTheMorningInNewYork = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(-5));

        var result = Run(_rule, policy, now: tenInTheMorningInNewYork);

        Assert.Equal(PolicyOutcome.Rejected, result.Outcome);
        Assert.Equal("outside trading hours 09:00-12:00 UTC (now 15:00 UTC)", result.Reason);
    }

    [Fact]
    public void Days_restrict_to_the_listed_utc_weekdays()
    {
        var weekdays = new DeploymentPolicy { TradingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] };

        Assert.Equal(PolicyOutcome.Accepted, Run(_rule, weekdays, now: Now).Outcome);
        var saturday = Run(_rule, weekdays, now: new DateTimeOffset(2026, 11, 7, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(PolicyOutcome.Rejected, saturday.Outcome);
        Assert.Equal("Saturday (UTC) is not a trading day", saturday.Reason);
    }

    [Theory]
    [InlineData(17, 9, "DeploymentPolicy.TradingHoursEndUtc")]
    [InlineData(9, 9, "DeploymentPolicy.TradingHoursEndUtc")]
    [InlineData(-1, 9, "DeploymentPolicy.TradingHoursStartUtc")]
    [InlineData(9, 25, "DeploymentPolicy.TradingHoursEndUtc")]
    [InlineData(9, null, "DeploymentPolicy.TradingHoursEndUtc")]
    [InlineData(null, 9, "DeploymentPolicy.TradingHoursStartUtc")]
    public void Inverted_or_out_of_range_hours_are_refused(int? start, int? end, string field)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { TradingHoursStartUtc = start, TradingHoursEndUtc = end }));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Undefined_days_are_refused()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => _rule.Validate(new DeploymentPolicy { TradingDays = [(DayOfWeek)9] }));
        Assert.Equal("DeploymentPolicy.TradingDays", error.Field);
    }
}
