using System.Text.Json;

namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

/// <summary>
/// The fake venue's own IP budget, written from the rate-limit page independently of the SDK's limiter: weight per
/// minute refilled evenly; info 2/20/60 by type; exchange 1 + floor(batch / 40).
/// </summary>
internal sealed class FakeWeightBudget(int perMinute, TimeProvider time)
{
    private double _tokens = perMinute;
    private DateTimeOffset _at = time.GetUtcNow();

    public static int InfoWeight(string type) => type switch
    {
        "l2Book" or "allMids" or "clearinghouseState" or "orderStatus" or "spotClearinghouseState" or "exchangeStatus" => 2,
        "userRole" => 60,
        _ => 20,
    };

    public static int ExchangeWeight(string body)
    {
        using var document = JsonDocument.Parse(body);
        var action = document.RootElement.GetProperty("action");
        var batch = 0;
        foreach (var name in new[] { "orders", "cancels", "modifies" })
        {
            if (action.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                batch = array.GetArrayLength();
            }
        }

        return 1 + (batch / 40);
    }

    public bool TryTake(int weight)
    {
        var now = time.GetUtcNow();
        _tokens = Math.Min(perMinute, _tokens + ((now - _at).TotalSeconds * perMinute / 60.0));
        _at = now;
        if (_tokens + 1e-9 < weight)
        {
            return false;
        }

        _tokens -= weight;
        return true;
    }
}
