using Polly;
using Polly.Retry;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>The retry pipeline shared by every read: transport failures only, exponential back-off with jitter.</summary>
internal static class ReadPipeline
{
    public static ResiliencePipeline Create(TimeProvider time, int retries, TimeSpan delay)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcTransportException>(),
                MaxRetryAttempts = retries,
                Delay = delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return builder.Build();
    }

    /// <summary>Sends one request and parses the JSON answer, mapping transport problems to <see cref="RpcTransportException"/>.</summary>
    public static async Task<System.Text.Json.JsonDocument> SendAsync(HttpClient http, Func<HttpRequestMessage> request, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new RpcTransportException(what, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return System.Text.Json.JsonDocument.Parse(bytes);
        }
        catch (HttpRequestException ex)
        {
            throw new RpcTransportException(what, ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcTransportException(what, "request timed out", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new RpcTransportException(what, "the answer is not JSON", ex);
        }
    }
}
