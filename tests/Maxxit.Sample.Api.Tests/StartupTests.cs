using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;

namespace Maxxit.Sample.Api.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Listens_on_localhost_3000_unless_urls_is_given()
    {
        await using var app = ApiHost.Build([]);
        Assert.Equal(ApiSettings.DefaultUrls, app.Configuration[WebHostDefaults.ServerUrlsKey]);
        Assert.Equal("http://localhost:3000", ApiSettings.DefaultUrls);

        await using var other = ApiHost.Build(["--urls", "http://127.0.0.1:5055"]);
        Assert.Equal("http://127.0.0.1:5055", other.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public void A_dev_key_is_generated_when_none_is_configured_but_postgres_requires_one()
    {
        var dev = ApiSettings.From(Config());
        Assert.True(dev.MasterKeyGenerated);
        Assert.Equal(32, Convert.FromBase64String(dev.MasterKey).Length);
        Assert.NotEqual(dev.MasterKey, ApiSettings.From(Config()).MasterKey);

        var ex = Assert.Throws<ApiStartupException>(() => ApiSettings.From(Config(("postgres", "Host=127.0.0.1;Password=hunter2"))));
        Assert.Contains("master key", ex.Message);
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Fact]
    public void The_master_key_comes_from_env_style_or_command_line_keys_and_is_checked()
    {
        var key = Convert.ToBase64String(new byte[32]);
        Assert.Equal(key, ApiSettings.From(Config(("Maxxit:MasterKey", key))).MasterKey);
        Assert.Equal(key, ApiSettings.From(Config(("master-key", key))).MasterKey);
        Assert.False(ApiSettings.From(Config(("master-key", key))).MasterKeyGenerated);

        var bad = Assert.Throws<ApiStartupException>(() => ApiSettings.From(Config(("master-key", "dG9vIHNob3J0"))));
        Assert.DoesNotContain("dG9vIHNob3J0", bad.Message);
        Assert.Throws<ApiStartupException>(() => ApiHost.Build(["--master-key", "dG9vIHNob3J0"]));

        var settings = ApiSettings.From(Config(("master-key", key), ("postgres", "Host=h;Password=hunter2")));
        Assert.DoesNotContain(key, settings.ToString());
        Assert.DoesNotContain("hunter2", settings.ToString());
    }

    [Fact]
    public void A_malformed_postgres_connection_string_stops_the_start_without_echoing_it()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var ex = Assert.Throws<ApiStartupException>(() => ApiHost.Build(["--master-key", key, "--postgres", "Password=hunter2;Nonsense Key=1"]));
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
