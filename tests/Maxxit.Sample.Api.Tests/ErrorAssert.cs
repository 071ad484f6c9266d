using System.Net;
using System.Text.Json;

namespace Maxxit.Sample.Api.Tests;

public static class ErrorAssert
{
    /// <summary>The answer has the status and the API's error shape, names the field (or none), and leaks no internals.</summary>
    public static void Is(ApiResponse response, HttpStatusCode status, string? field)
    {
        Assert.True(status == response.Status, $"expected {(int)status}, got {response}");
        Assert.Equal("application/json", response.MediaType);
        var json = response.Json;
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("error").GetString()));
        if (field is null)
        {
            Assert.Equal(JsonValueKind.Null, json.GetProperty("field").ValueKind);
        }
        else
        {
            Assert.Equal(field, json.GetProperty("field").GetString());
        }

        NoInternals(response);
    }

    public static void NoInternals(ApiResponse response)
    {
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", response.Body, StringComparison.Ordinal);
    }
}
