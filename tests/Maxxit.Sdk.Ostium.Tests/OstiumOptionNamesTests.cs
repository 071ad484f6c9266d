using Maxxit.Sdk.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium.Tests;

/// <summary>The names shared with the other venues, and AddOstium in the same shape as AddHyperliquid.</summary>
public sealed class OstiumOptionNamesTests
{
    [Fact]
    public void The_new_names_and_the_obsolete_ones_are_one_setting()
    {
        var options = new OstiumOptions();
        Assert.Equal(0.02m, options.Slippage);
#pragma warning disable MAXXIT0001 // the old names are what is being tested
        Assert.Equal(2m, options.SlippagePercent);
        options.SlippagePercent = 3m;
        Assert.Equal(0.03m, options.Slippage);
        options.ReadRetryCount = 5;
        options.ReadRetryDelay = TimeSpan.FromSeconds(1);
#pragma warning restore MAXXIT0001
        Assert.Equal(5, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
    }

    [Fact]
    public void AddOstium_takes_its_options_from_configuration_without_a_callback_and_checks_them_at_first_resolution()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ostium:Slippage"] = "0.01",
            ["Ostium:MaxRetryAttempts"] = "40",
        }).Build();
        var services = new ServiceCollection();
        services.Configure<OstiumOptions>(configuration.GetSection("Ostium"));
        services.AddMaxxitV3().AddOstium();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMaxxitClient>());

        // One error at the first resolution, naming every wrong option; the bound slippage (1 %) is fine.
        Assert.Contains("RpcUrl: is required", error.Failures);
        Assert.Contains(error.Failures, f => f.Contains("between 0 and 10", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.StartsWith("Slippage", StringComparison.Ordinal));
    }
}
