using System.Text.Json;

namespace Maxxit.Sample.Api.Tests.Dashboard;

/// <summary>What <c>GET /api/v3/dashboard</c> must say after <see cref="QuickStart.RunAsync"/> (ETH on Hyperliquid, XAU on Ostium, XYZ nowhere), on any store.</summary>
public static class DashboardSnapshotAssert
{
    public static void AfterQuickStart(JsonElement body)
    {
        Assert.True(body.GetProperty("success").GetBoolean());
        var d = body.GetProperty("dashboard");

        var totals = d.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("agents").GetInt32());
        Assert.Equal(3, totals.GetProperty("signals").GetInt32());
        Assert.Equal(2, totals.GetProperty("open_positions").GetInt32());
        Assert.Equal(0m, totals.GetProperty("realized_pnl").GetDecimal());

        var routing = d.GetProperty("routing");
        Assert.Equal(3, routing.GetProperty("total").GetInt32());
        Assert.Equal(1, routing.GetProperty("no_venue").GetInt32());
        var venues = routing.GetProperty("venues").EnumerateArray().ToDictionary(v => v.GetProperty("venue").GetString()!);
        Assert.Equal(["HYPERLIQUID", "OSTIUM"], venues.Keys.Order());
        Assert.Equal(1, venues["HYPERLIQUID"].GetProperty("trades").GetInt32());
        Assert.Equal(33.3m, venues["HYPERLIQUID"].GetProperty("percent").GetDecimal());
        Assert.True(venues["OSTIUM"].GetProperty("avg_duration_ms").GetDouble() >= 0);

        Assert.Equal(
            ["RESERVED", "SUBMITTED", "PENDING_FILL", "OPEN", "CLOSING", "CLOSED", "CANCELLED", "FAILED", "NEEDS_RECONCILIATION"],
            d.GetProperty("positions_by_status").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(2, d.GetProperty("positions_by_status")[3].GetProperty("count").GetInt32());

        // Newest first, with each signal's side and confidence.
        var activity = d.GetProperty("recent_activity").EnumerateArray().ToList();
        Assert.Equal(["XYZ", "XAU", "ETH"], activity.Select(a => a.GetProperty("token_symbol").GetString()));
        Assert.All(activity, a => Assert.Equal("LONG", a.GetProperty("side").GetString()));
        Assert.All(activity, a => Assert.Equal(0.85m, a.GetProperty("confidence").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, activity[0].GetProperty("selected_venue").ValueKind);
        Assert.Equal(QuickStart.NoVenueReason, activity[0].GetProperty("routing_reason").GetString());
        Assert.Equal("HYPERLIQUID", activity[2].GetProperty("selected_venue").GetString());

        var open = d.GetProperty("open_positions").EnumerateArray().ToDictionary(p => p.GetProperty("token_symbol").GetString()!);
        Assert.Equal(["ETH", "XAU"], open.Keys.Order());
        var eth = open["ETH"];
        Assert.Equal("HYPERLIQUID", eth.GetProperty("venue").GetString());
        var entry = eth.GetProperty("entry_price").GetDecimal();
        var current = eth.GetProperty("current_price").GetDecimal();
        var qty = eth.GetProperty("qty").GetDecimal();
        Assert.True(entry > 0 && current > 0 && qty > 0);
        // Trailing 3 %: the stop sits 3 % under the best price, which is the entry until the monitor sees better.
        Assert.Equal("trailing-stop", eth.GetProperty("stop_kind").GetString());
        Assert.Equal(entry * 0.97m, eth.GetProperty("stop_level").GetDecimal());
        Assert.True(eth.GetProperty("unrealized_pnl").GetDecimal() <= (current - entry) * qty);

        var agent = Assert.Single(d.GetProperty("agents").EnumerateArray());
        Assert.Equal("Alpha Hunter V3", agent.GetProperty("name").GetString());
        Assert.Equal(3, agent.GetProperty("signals").GetInt32());
        Assert.Equal(2, agent.GetProperty("positions").GetInt32());
        Assert.Equal(2, agent.GetProperty("open_positions").GetInt32());
        Assert.True(agent.TryGetProperty("apr_30d", out _));
        Assert.True(agent.TryGetProperty("apr_90d", out _));
        Assert.True(agent.TryGetProperty("sharpe_30d", out _));
        Assert.Equal(0, agent.GetProperty("pnl_curve").GetArrayLength());

        Assert.False(d.GetProperty("signal_worker").GetProperty("running").GetBoolean());
        Assert.False(d.GetProperty("position_monitor").GetProperty("running").GetBoolean());
        var health = d.GetProperty("venues").EnumerateArray().ToList();
        Assert.Equal(["HYPERLIQUID", "OSTIUM"], health.Select(v => v.GetProperty("venue").GetString()));
        Assert.All(health, v => Assert.True(v.GetProperty("healthy").GetBoolean()));
        Assert.All(health, v => Assert.True(v.GetProperty("markets").GetInt32() > 0));
    }
}
