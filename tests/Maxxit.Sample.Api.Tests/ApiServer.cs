using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maxxit.Sample.Api;
using Microsoft.AspNetCore.Builder;

namespace Maxxit.Sample.Api.Tests;

/// <summary>The real host (Kestrel) on a free loopback port, built by <see cref="ApiHost.Build"/> as Program does.</summary>
public sealed class ApiServer : IAsyncLifetime
{
    private readonly string? postgres;
    private WebApplication? app;

    public ApiServer()
        : this(null)
    {
    }

    public ApiServer(string? postgres) => this.postgres = postgres;

    public string MasterKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Every answer this server gave the tests, to check that no key material ever left it.</summary>
    public List<ApiResponse> Responses { get; } = [];

    public async Task InitializeAsync()
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--master-key", MasterKey, "--Logging:LogLevel:Default", "Warning", "--writes-per-minute", "100000" };
        if (postgres is not null)
        {
            args.AddRange(["--postgres", postgres]);
        }

        app = ApiHost.Build([.. args]);
        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public Task<ApiResponse> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiResponse> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = new ApiResponse(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.Allow.ToArray());
        lock (Responses)
        {
            Responses.Add(answer);
        }

        return answer;
    }
}

/// <summary>Status, body and the parsed JSON of one answer.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, string? MediaType, string[] Allow)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public override string ToString() => $"{(int)Status} {Body}";
}
