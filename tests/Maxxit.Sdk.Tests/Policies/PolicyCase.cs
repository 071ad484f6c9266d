using Maxxit.Sdk.Policies;

namespace Maxxit.Sdk.Tests.Policies;

/// <summary>A random policy, trade, deployment state, account value and time, built from one seed (printed on failure).</summary>
internal sealed record PolicyCase(int Seed, DeploymentPolicy Policy, TradeIntent Intent, PolicyState State, decimal? AccountValue, DateTimeOffset Now)
{
    private static readonly string[] Tokens = ["ETH", "BTC", "SOL", "XAU", "DOGE", "WIF", "EURUSD"];
    private static readonly Venue[] Venues = [Venue.Hyperliquid, Venue.Ostium, Venue.Gmx];

    public static PolicyCase From(int seed)
    {
        var random = new Random(seed);
        // Refusing rules are set rarely and sizing rules often, so that enough cases reach the sizing chain.
        bool Some() => random.Next(3) > 0;
        bool Rarely() => random.Next(4) == 0;
        decimal Dec(int min, int max, int scale = 100) => random.Next(min * scale, (max * scale) + 1) / (decimal)scale;

        var allowed = Rarely() ? Pick(random, Tokens, random.Next(0, 4)) : [];
        var denied = Rarely() ? Pick(random, Tokens.Except(allowed, StringComparer.Ordinal).ToArray(), random.Next(0, 3)) : [];
        int? start = Rarely() ? random.Next(0, 23) : null;
        var preferred = Some() ? Pick(random, Venues, random.Next(1, 3)) : [];
        var policy = new DeploymentPolicy
        {
            MinConfidence = Rarely() ? Dec(0, 1) : null,
            AllowedSide = random.Next(8) switch { 0 => TradeSide.Long, 1 => TradeSide.Short, _ => null },
            AllowedTokens = allowed,
            DeniedTokens = denied,
            RiskPreference = Some() ? (RiskPreference)random.Next(3) : null,
            SizeMultiplier = random.Next(4) == 0 ? Dec(0, 10) is var m && m > 0 ? m : 0.01m : null,
            MaxTradeSizePercent = Some() ? Math.Max(Dec(0, 100), 0.01m) : null,
            MinOrderValueUsd = Some() ? Dec(0, 2_000) : null,
            MaxLeverage = Some() ? Dec(1, 50) : null,
            MaxOpenPositions = Rarely() ? random.Next(0, 8) : null,
            MaxTokenExposurePercent = Some() ? Math.Max(Dec(0, 300), 0.01m) : null,
            MaxTotalExposurePercent = Some() ? Math.Max(Dec(0, 600), 0.01m) : null,
            CooldownPerToken = Rarely() ? TimeSpan.FromMinutes(random.Next(0, 600)) : null,
            DailyTradeCap = Rarely() ? random.Next(0, 10) : null,
            TradingHoursStartUtc = start,
            TradingHoursEndUtc = start is { } s ? random.Next(s + 1, 25) : null,
            TradingDays = Rarely() ? Pick(random, Enum.GetValues<DayOfWeek>(), random.Next(1, 7)) : [],
            PreferredVenues = preferred,
            ExcludedVenues = Some() ? Pick(random, Venues.Except(preferred).ToArray(), random.Next(0, 2)) : [],
        };
        var intent = new TradeIntent(
            Tokens[random.Next(Tokens.Length)],
            random.Next(2) == 0 ? TradeSide.Long : TradeSide.Short,
            Math.Max(Dec(0, 100), 0.01m),
            random.Next(3) == 0 ? Dec(1, 60) : null,
            Dec(0, 1),
            policy.PreferredVenues,
            policy.ExcludedVenues);
        var now = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 7 * 24 * 60));
        var open = Dec(0, 20_000);
        var state = new PolicyState(
            random.Next(0, 10),
            open,
            Math.Min(open, Dec(0, 10_000)),
            Some() ? now.AddMinutes(-random.Next(0, 1_000)) : null,
            random.Next(0, 12));
        decimal? account = random.Next(6) == 0 ? null : Dec(100, 50_000);
        return new PolicyCase(seed, policy, intent, state, account, now);
    }

    public override string ToString() =>
        $"seed {Seed}: intent {Intent.TokenSymbol} {Intent.Side} {Intent.SizePercent}% x{Intent.Leverage} conf {Intent.Confidence}; state {State}; account {AccountValue}; now {Now:u}; policy {Policy}";

    private static T[] Pick<T>(Random random, T[] from, int count) => from.OrderBy(_ => random.Next()).Take(count).ToArray();
}
