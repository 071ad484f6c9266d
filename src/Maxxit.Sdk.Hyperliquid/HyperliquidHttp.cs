using System.Diagnostics;
using Maxxit.Sdk.Hyperliquid.RateLimiting;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// The HTTP transport shared by the Info and Exchange clients: one named HttpClient from IHttpClientFactory, a per-attempt
/// timeout, a circuit breaker shared by both endpoints, and retries for /info only (an /exchange request that timed out may
/// have been executed, so repeating it could place a second order).
/// </summary>
internal sealed class HyperliquidHttp
{
    public static readonly ActivitySource ActivitySource = new("Maxxit.Sdk.Hyperliquid");

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _infoUrl;
    private readonly string _exchangeUrl;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly ResiliencePipeline<HttpResponseMessage> _safe;
    private readonly ResiliencePipeline<HttpResponseMessage> _unsafe;
    private readonly ResiliencePipeline<HttpResponseMessage> _guarded;

    public HyperliquidHttp(
        IHttpClientFactory clients,
        HyperliquidOptions options,
        TimeProvider timeProvider,
        HyperliquidRateLimiter limiter,
        HyperliquidMetrics metrics,
        ILogger<HyperliquidHttp>? logger = null,
        Action<bool>? onHealthChanged = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _clients = clients;
        Limiter = limiter;
        Metrics = metrics;
        _time = timeProvider;
        _logger = logger ?? NullLogger<HyperliquidHttp>.Instance;
        var root = options.EffectiveBaseUrl.AbsoluteUri.TrimEnd('/');
        _infoUrl = root + "/info";
        _exchangeUrl = root + "/exchange";
        Options = options;

        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(IsTransient);

        // Breaker and timeout are built once so both endpoints feed and respect the same circuit.
        var guarded = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = transient,
                StateProvider = _circuit,
                OnOpened = args =>
                {
                    _logger.LogWarning("Hyperliquid circuit opened for {BreakDuration}", args.BreakDuration);
                    onHealthChanged?.Invoke(false);
                    return default;
                },
                OnClosed = _ =>
                {
                    _logger.LogInformation("Hyperliquid circuit closed");
                    onHealthChanged?.Invoke(true);
                    return default;
                },
            })
            .AddTimeout(options.RequestTimeout)
            .Build();

        // The limiter wait sits between the retry and the breaker + timeout: queueing for weight is not a timed-out attempt.
        _guarded = guarded;
        _unsafe = ResiliencePipeline<HttpResponseMessage>.Empty;
        var safe = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            safe.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = transient,
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _safe = safe.Build();
    }

    public HyperliquidOptions Options { get; }

    /// <summary>The IP weight budget every request of this process takes from.</summary>
    public HyperliquidRateLimiter Limiter { get; }

    public HyperliquidMetrics Metrics { get; }

    public TimeProvider Time => _time;

    /// <summary>The circuit's state: the venue's health as the router sees it.</summary>
    public CircuitState CircuitState => _circuit.CircuitState;

    /// <summary>POST /info (read-only, retried on transient failures).</summary>
    public Task<byte[]> PostInfoAsync(byte[] body, string requestType, CancellationToken cancellationToken) =>
        PostAsync(_infoUrl, body, requestType, HyperliquidWeights.Info(requestType), _safe, cancellationToken);

    /// <summary>Charges the weight an info answer adds for the items it returned.</summary>
    public void ChargeItems(string requestType, int items)
    {
        var extra = HyperliquidWeights.InfoExtra(requestType, items);
        if (extra > 0)
        {
            Limiter.Charge(extra);
            Metrics.WeightUsed.Add(extra, new KeyValuePair<string, object?>("request", requestType));
        }
    }

    /// <summary>POST /exchange (state-changing, never retried).</summary>
    public Task<byte[]> PostExchangeAsync(byte[] body, string actionType, int batchLength, CancellationToken cancellationToken) =>
        PostAsync(_exchangeUrl, body, actionType, HyperliquidWeights.Exchange(batchLength), _unsafe, cancellationToken);

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    private async ValueTask<HttpResponseMessage> SendAsync(HttpClient client, string url, byte[] body, KeyValuePair<string, object?> tag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Limiter.OnThrottled();
            Metrics.Throttled.Add(1, tag);
        }
        else if (response.IsSuccessStatusCode)
        {
            Limiter.OnSuccess();
        }

        return response;
    }

    private async Task<byte[]> PostAsync(string url, byte[] body, string kind, int weight, ResiliencePipeline<HttpResponseMessage> pipeline, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("hyperliquid " + kind, ActivityKind.Client);
        activity?.SetTag("hyperliquid.request", kind);
        var started = Stopwatch.GetTimestamp();
        var client = _clients.CreateClient(HyperliquidOptions.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    // Every attempt, retries included, takes its weight from the shared budget first.
                    var waited = await Limiter.AcquireAsync(weight, ct).ConfigureAwait(false);
                    var tag = new KeyValuePair<string, object?>("request", kind);
                    Metrics.WeightUsed.Add(weight, tag);
                    Metrics.Wait.Record(waited.TotalMilliseconds, tag);
                    return await _guarded.ExecuteAsync(ct2 => SendAsync(client, url, body, tag, ct2), ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new HyperliquidApiException("Hyperliquid is unavailable: the circuit is open after repeated failures.", null, isTransient: true, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new HyperliquidApiException($"Hyperliquid {kind} timed out.", null, isTransient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HyperliquidApiException($"Hyperliquid {kind} failed: {ex.Message}", ex.StatusCode, isTransient: true, ex);
        }
        finally
        {
            Metrics.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("request", kind));
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 500));
                _logger.LogWarning("Hyperliquid {Request} answered HTTP {Status}", kind, (int)response.StatusCode);
                var hint = response.StatusCode == HttpStatusCode.TooManyRequests
                    ? " (the IP's request weight budget of " + Limiter.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)
                      + " per minute is spent, probably by another process on the same address: requests are paused and queue until it refills)"
                    : "";
                throw new HyperliquidApiException(
                    $"Hyperliquid {kind} answered HTTP {(int)response.StatusCode}: {text}{hint}", response.StatusCode, IsTransient(response));
            }

            return bytes;
        }
    }
}
