using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Maxxit.Sdk.Tests.Sources;

/// <summary>A tiny HTTP server on 127.0.0.1 answering each request with a handler's (status, headers, body); records the requests.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, Response> _handler;
    private readonly Task _loop;

    public LoopbackHttpServer(Func<HttpListenerRequest, Response> handler)
    {
        _handler = handler;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            var request = context.Request;
            Requests.Enqueue(new Recorded(request.HttpMethod, request.Url!.PathAndQuery, request.Headers["Authorization"]));
            var response = _handler(request);
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public sealed record Response(int Status, string Body, Dictionary<string, string>? Headers = null);

    public sealed record Recorded(string Method, string PathAndQuery, string? Authorization);
}
