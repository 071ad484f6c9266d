using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Maxxit.Sdk.Signals.Llm;

/// <summary>The user message: the evidence about one token as a JSON document, so that the model sees structure, not prose.</summary>
internal static class LlmPrompt
{
    public static string Build(SignalInput input, IReadOnlyList<XPost> posts)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("token", input.TokenSymbol);
            w.WriteStartArray("posts");
            foreach (var p in posts)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("author_id", p.AuthorId);
                w.WriteString("created_at", p.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                w.WriteString("text", p.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("research");
            foreach (var r in input.Research)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("institute_id", r.InstituteId);
                w.WriteString("token", r.TokenSymbol);
                w.WriteString("call", r.Side == TradeSide.Long ? "BUY" : "SELL");
                w.WriteString("reasoning", r.Reasoning);
                w.WriteString("created_at", r.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (input.Market is { } m)
            {
                w.WriteStartObject("market");
                w.WriteNumber("price", m.Price);
                w.WriteNumber("change_24h", m.Change24h);
                w.WriteNumber("volume_24h_usd", m.Volume24hUsd);
                w.WriteNumber("daily_volatility", m.Volatility);
                if (m.Funding is { } f)
                {
                    w.WriteNumber("funding_hourly", f);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
