using System.Text.Json;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>
/// One subscription as Hyperliquid knows it. The key is how messages are routed back: allMids, l2Book/bbo/trades by
/// coin, userFills by user; orderUpdates and userEvents messages carry no user, so a connection can hold them for one
/// user only.
/// </summary>
internal sealed record StreamSpec(string Key, string Type, string? Coin, string? User)
{
    public bool IsUserData => User is not null;

    public static StreamSpec AllMids() => new("allMids", "allMids", null, null);

    public static StreamSpec L2Book(string coin) => new("l2Book:" + CoinOf(coin), "l2Book", CoinOf(coin), null);

    public static StreamSpec Bbo(string coin) => new("bbo:" + CoinOf(coin), "bbo", CoinOf(coin), null);

    public static StreamSpec Trades(string coin) => new("trades:" + CoinOf(coin), "trades", CoinOf(coin), null);

    public static StreamSpec UserFills(string user) => new("userFills:" + UserOf(user), "userFills", null, UserOf(user));

    public static StreamSpec OrderUpdates(string user) => new("orderUpdates", "orderUpdates", null, UserOf(user));

    public static StreamSpec UserEvents(string user) => new("userEvents", "userEvents", null, UserOf(user));

    public byte[] Message(string method)
    {
        using var buffer = new MemoryStream(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("method", method);
            json.WriteStartObject("subscription");
            json.WriteString("type", Type);
            if (Coin is not null)
            {
                json.WriteString("coin", Coin);
            }

            if (User is not null)
            {
                json.WriteString("user", User);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string CoinOf(string coin)
    {
        if (string.IsNullOrWhiteSpace(coin))
        {
            throw new Errors.MaxxitValidationException("coin", "must not be empty");
        }

        return coin;
    }

    private static string UserOf(string user) => HyperliquidAddress.Normalize(user, "user");
}
