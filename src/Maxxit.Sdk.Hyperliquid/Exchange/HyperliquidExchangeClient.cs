using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// The Exchange API (<c>POST /exchange</c>): signs actions with the given key and parses the exchange's answers into
/// typed results. Requests are never retried automatically: a timed-out order may still have been placed.
/// </summary>
public sealed class HyperliquidExchangeClient
{
    private readonly HyperliquidHttp _http;
    private readonly HyperliquidNonceProvider _nonces;

    internal HyperliquidExchangeClient(HyperliquidHttp http, HyperliquidNonceProvider nonces)
    {
        _http = http;
        _nonces = nonces;
    }

    /// <summary>The network signatures are made for.</summary>
    public HyperliquidNetwork Network => _http.Options.Network;

    /// <summary>Places one order and returns its result.</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the request (the order may still reach the exchange).</param>
    /// <returns>Resting, filled or pending.</returns>
    /// <exception cref="HyperliquidRejectedException">The exchange refused the request or the order.</exception>
    public Task<HyperliquidOrderResult> PlaceOrderAsync(EthereumKey signer, HyperliquidOrder order, CancellationToken cancellationToken = default) =>
        PlaceOrderAsync(signer, order, null, null, cancellationToken);

    /// <summary>Places one order for a vault or sub-account, or with an expiry, and returns its result.</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="order">The order.</param>
    /// <param name="vaultAddress">A vault or sub-account to trade for, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null (see <see cref="HyperliquidOptions.ActionExpiry"/>).</param>
    /// <param name="cancellationToken">Cancels the request (the order may still reach the exchange).</param>
    /// <returns>Resting, filled or pending.</returns>
    /// <exception cref="HyperliquidRejectedException">The exchange refused the request or the order.</exception>
    public async Task<HyperliquidOrderResult> PlaceOrderAsync(
        EthereumKey signer, HyperliquidOrder order, EthereumAddress? vaultAddress, long? expiresAfter, CancellationToken cancellationToken = default)
    {
        var results = await PlaceOrdersAsync(signer, new OrderAction([order]), vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
        var result = results[0];
        if (result.Kind == HyperliquidOrderResultKind.Error)
        {
            throw HyperliquidRejectedException.FromVenueMessage(result.Error ?? "unknown error");
        }

        return result;
    }

    /// <summary>Places an order action; one result per order, in order. Per-order errors are results, not exceptions.</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="action">The orders.</param>
    /// <param name="vaultAddress">A vault or sub-account to trade for, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The results.</returns>
    /// <exception cref="HyperliquidRejectedException">The exchange refused the whole request (bad signature, unknown wallet, …).</exception>
    public async Task<IReadOnlyList<HyperliquidOrderResult>> PlaceOrdersAsync(
        EthereumKey signer, OrderAction action, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var document = await SendL1Async(signer, action, vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
        return ParseOrderStatuses(document.RootElement, "order", action.Orders.Count);
    }

    /// <summary>Replaces one resting order (<c>modify</c>).</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="modify">The order (by oid or cloid) and its replacement.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the exchange accepted the modify.</returns>
    /// <exception cref="HyperliquidRejectedException">The exchange refused it (for example the order is no longer resting).</exception>
    public async Task ModifyAsync(
        EthereumKey signer, ModifyRequest modify, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        using var document = await SendL1Async(signer, new ModifyAction(modify), vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
        ThrowOnDataError(document.RootElement);
    }

    /// <summary>Replaces several resting orders (<c>batchModify</c>); one result per modify, in order.</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="action">The modifies.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new state of each order (resting, filled or error).</returns>
    public async Task<IReadOnlyList<HyperliquidOrderResult>> BatchModifyAsync(
        EthereumKey signer, BatchModifyAction action, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var document = await SendL1Async(signer, action, vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
        return ParseOrderStatuses(document.RootElement, "order", action.Modifies.Count);
    }

    /// <summary>Adds margin to or removes it from an isolated position (<c>updateIsolatedMargin</c>).</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="action">The asset and amount.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the exchange accepted it.</returns>
    public async Task UpdateIsolatedMarginAsync(
        EthereumKey signer, UpdateIsolatedMarginAction action, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        using var document = await SendL1Async(signer, action, vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Arms (or, with a null time, disarms) the dead man's switch (<c>scheduleCancel</c>): at that time the exchange
    /// cancels every open order of the account. The time must be at least 5 s ahead; the exchange allows 10 triggers a day.
    /// </summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="time">UTC milliseconds, or null to unset.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the exchange accepted it.</returns>
    public async Task ScheduleCancelAsync(
        EthereumKey signer, long? time, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        using var document = await SendL1Async(signer, new ScheduleCancelAction(time), vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels orders by exchange order id.</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="action">The cancels.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One result per cancel.</returns>
    public async Task<IReadOnlyList<HyperliquidCancelResult>> CancelAsync(
        EthereumKey signer, CancelAction action, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var document = await SendL1Async(signer, action, vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
        return ParseCancelStatuses(document.RootElement, "cancel", action.Cancels.Count);
    }

    /// <summary>Cancels orders by client order id.</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="action">The cancels.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One result per cancel.</returns>
    public async Task<IReadOnlyList<HyperliquidCancelResult>> CancelByCloidAsync(
        EthereumKey signer, CancelByCloidAction action, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var document = await SendL1Async(signer, action, vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
        return ParseCancelStatuses(document.RootElement, "cancel", action.Cancels.Count);
    }

    /// <summary>Sets an asset's leverage and margin mode for the account.</summary>
    /// <param name="signer">The account's key or its approved agent's key.</param>
    /// <param name="action">The leverage update.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the exchange accepted the update.</returns>
    public async Task UpdateLeverageAsync(
        EthereumKey signer, UpdateLeverageAction action, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        using var document = await SendL1Async(signer, action, vaultAddress, expiresAfter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends any L1 action and returns the exchange's raw <c>response</c> after checking <c>status</c> is ok. The request
    /// waits for its weight in the shared IP budget; a 429 is retried (re-signed with a new nonce) only for actions whose
    /// repetition is harmless (leverage, cancels, scheduleCancel), never for orders or modifies.
    /// </summary>
    /// <param name="signer">The signing key.</param>
    /// <param name="action">The action.</param>
    /// <param name="vaultAddress">A vault or sub-account, or null.</param>
    /// <param name="expiresAfter">UTC milliseconds after which the exchange must refuse the action; null uses <see cref="HyperliquidOptions.ActionExpiry"/> when set.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response document; dispose it.</returns>
    public async Task<JsonDocument> SendL1Async(
        EthereumKey signer, L1Action action, EthereumAddress? vaultAddress = null, long? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(action);
        var expiry = expiresAfter ?? DefaultExpiry();
        for (var attempt = 0; ; attempt++)
        {
            var nonce = _nonces.Next(signer.Address);
            var body = BuildL1Request(signer, action, nonce, Network, vaultAddress, expiry);
            try
            {
                var bytes = await _http.PostExchangeAsync(body, action.Type, action.BatchLength, cancellationToken).ConfigureAwait(false);
                return ParseEnvelope(bytes);
            }
            catch (HyperliquidApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests && action.SafeToRepeat && attempt < _http.Options.MaxRetryAttempts)
            {
                // The limiter is paused by the 429; the next attempt waits for it.
            }
        }
    }

    private long? DefaultExpiry() =>
        _http.Options.ActionExpiry is { } window ? _http.Time.GetUtcNow().Add(window).ToUnixTimeMilliseconds() : null;

    /// <summary>
    /// Sends a user-signed action (approveAgent, usdSend, withdraw3). These must be signed by the account owner's key.
    /// </summary>
    /// <param name="user">The account owner's key.</param>
    /// <param name="action">The action; its nonce is the request's nonce.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the exchange accepted the action.</returns>
    public async Task SendUserSignedAsync(EthereumKey user, UserSignedAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(action);
        var signature = HyperliquidSigner.SignUserSignedAction(user, action, Network);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("action");
            action.WriteJson(json, Network);
            json.WriteNumber("nonce", action.Nonce);
            WriteSignature(json, signature);
            json.WriteNull("vaultAddress");
            json.WriteEndObject();
        }

        var bytes = await _http.PostExchangeAsync(buffer.WrittenSpan.ToArray(), action.Type, 0, cancellationToken).ConfigureAwait(false);
        ParseEnvelope(bytes).Dispose();
    }

    /// <summary>Builds the signed JSON body of an L1 action; the action's JSON is transcoded from the very bytes that were signed.</summary>
    internal static byte[] BuildL1Request(EthereumKey signer, L1Action action, long nonce, HyperliquidNetwork network, EthereumAddress? vaultAddress, long? expiresAfter = null)
    {
        var packed = L1ActionEncoding.ToMessagePack(action);
        var signature = HyperliquidSigner.SignL1Action(signer, action, nonce, network, vaultAddress, expiresAfter);
        var buffer = new ArrayBufferWriter<byte>(packed.Length * 2 + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("action");
            MessagePackJson.WriteJson(packed, json);
            json.WriteNumber("nonce", nonce);
            WriteSignature(json, signature);
            if (vaultAddress is { } vault)
            {
                json.WriteString("vaultAddress", vault.ToLowerHex());
            }
            else
            {
                json.WriteNull("vaultAddress");
            }

            // Signed into the connection id exactly as sent (0x00 ‖ 8 bytes big-endian after the vault part).
            if (expiresAfter is { } expiry)
            {
                json.WriteNumber("expiresAfter", expiry);
            }
            else
            {
                json.WriteNull("expiresAfter");
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteSignature(Utf8JsonWriter json, EcdsaSignature signature)
    {
        json.WriteStartObject("signature");
        json.WriteString("r", Hex.Encode(signature.R));
        json.WriteString("s", Hex.Encode(signature.S));
        json.WriteNumber("v", signature.V);
        json.WriteEndObject();
    }

    private static JsonDocument ParseEnvelope(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw Malformed("not JSON", ex);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
        {
            document.Dispose();
            throw Malformed("no status");
        }

        if (status.ValueEquals("ok"))
        {
            return document;
        }

        var message = root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.String
            ? response.GetString()!
            : root.GetRawText();
        document.Dispose();
        throw HyperliquidRejectedException.FromVenueMessage(message);
    }

    private static JsonElement Statuses(JsonElement root, string expectedType)
    {
        if (!root.TryGetProperty("response", out var response)
            || !response.TryGetProperty("type", out var type) || !type.ValueEquals(expectedType)
            || !response.TryGetProperty("data", out var data)
            || !data.TryGetProperty("statuses", out var statuses) || statuses.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"expected response.type '{expectedType}' with data.statuses");
        }

        return statuses;
    }

    private static List<HyperliquidOrderResult> ParseOrderStatuses(JsonElement root, string type, int expected)
    {
        var statuses = Statuses(root, type);
        if (statuses.GetArrayLength() != expected)
        {
            throw Malformed($"{expected} orders but {statuses.GetArrayLength()} statuses");
        }

        var results = new List<HyperliquidOrderResult>(expected);
        foreach (var status in statuses.EnumerateArray())
        {
            results.Add(ParseOrderStatus(status));
        }

        return results;
    }

    private static void ThrowOnDataError(JsonElement root)
    {
        // A single modify answers {"type":"default"}; an error inside statuses (when present) is the exchange's refusal.
        if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("data", out var data) && data.TryGetProperty("statuses", out var statuses)
            && statuses.ValueKind == JsonValueKind.Array)
        {
            foreach (var status in statuses.EnumerateArray())
            {
                if (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("error", out var error))
                {
                    throw HyperliquidRejectedException.FromVenueMessage(error.GetString() ?? status.GetRawText());
                }
            }
        }
    }

    private static HyperliquidOrderResult ParseOrderStatus(JsonElement status)
    {
        if (status.ValueKind == JsonValueKind.String)
        {
            return new HyperliquidOrderResult(HyperliquidOrderResultKind.Pending, null, 0m, null, null, null);
        }

        if (status.TryGetProperty("error", out var error))
        {
            return new HyperliquidOrderResult(HyperliquidOrderResultKind.Error, null, 0m, null, error.GetString(), null);
        }

        try
        {
            if (status.TryGetProperty("filled", out var filled))
            {
                return new HyperliquidOrderResult(
                    HyperliquidOrderResultKind.Filled,
                    filled.GetProperty("oid").GetInt64(),
                    ParseDecimal(filled.GetProperty("totalSz")),
                    ParseDecimal(filled.GetProperty("avgPx")),
                    null,
                    OptionalString(filled, "cloid"));
            }

            if (status.TryGetProperty("resting", out var resting))
            {
                return new HyperliquidOrderResult(
                    HyperliquidOrderResultKind.Resting, resting.GetProperty("oid").GetInt64(), 0m, null, null, OptionalString(resting, "cloid"));
            }
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Malformed("unreadable order status " + status.GetRawText(), ex);
        }

        throw Malformed("unknown order status " + status.GetRawText());
    }

    private static List<HyperliquidCancelResult> ParseCancelStatuses(JsonElement root, string type, int expected)
    {
        var statuses = Statuses(root, type);
        if (statuses.GetArrayLength() != expected)
        {
            throw Malformed($"{expected} cancels but {statuses.GetArrayLength()} statuses");
        }

        var results = new List<HyperliquidCancelResult>(expected);
        foreach (var status in statuses.EnumerateArray())
        {
            results.Add(status.ValueKind == JsonValueKind.String && status.ValueEquals("success")
                ? new HyperliquidCancelResult(true, null)
                : new HyperliquidCancelResult(false, status.TryGetProperty("error", out var e) ? e.GetString() : status.GetRawText()));
        }

        return results;
    }

    private static decimal ParseDecimal(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? decimal.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : element.GetDecimal();

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static HyperliquidApiException Malformed(string reason, Exception? inner = null) =>
        new($"Hyperliquid /exchange returned an unexpected body: {reason}", HttpStatusCode.OK, isTransient: false, inner);
}
