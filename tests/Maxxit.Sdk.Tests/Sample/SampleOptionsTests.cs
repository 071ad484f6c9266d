using Maxxit.Sample.Console;
using Microsoft.Extensions.Configuration;

namespace Maxxit.Sdk.Tests.Sample;

public sealed class SampleOptionsTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);
    private static readonly string Other = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());

    [Fact]
    public void Settings_come_from_configuration_like_the_api_sample_and_the_command_line_wins()
    {
        var configuration = Config(("Maxxit:MasterKey", Key), ("Maxxit:PreviousMasterKeys:0", Other), ("Maxxit:Postgres", "Host=db"));

        var fromConfig = SampleOptions.Parse([], configuration);
        Assert.Equal(Key, fromConfig.MasterKey);
        Assert.Equal([Other], fromConfig.PreviousMasterKeys);
        Assert.Equal("Host=db", fromConfig.PostgresConnectionString);

        var fromArgs = SampleOptions.Parse(["--master-key", Other, "--postgres", "Host=other"], configuration);
        Assert.Equal(Other, fromArgs.MasterKey);
        Assert.Equal("Host=other", fromArgs.PostgresConnectionString);

        var sdk = new MaxxitOptions();
        fromConfig.ApplyTo(sdk);
        Assert.Equal(Key, sdk.MasterKey);
        Assert.Equal([Other], sdk.PreviousMasterKeys);
        Assert.DoesNotContain(Key, fromConfig.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Host=db", fromConfig.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_uses_the_double_underscore_names()
    {
        var name = "Maxxit__MasterKey";
        var before = Environment.GetEnvironmentVariable(name);
        try
        {
            Environment.SetEnvironmentVariable(name, Key);
            Assert.Equal(Key, SampleOptions.Parse([], new ConfigurationBuilder().AddEnvironmentVariables().Build()).MasterKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, before);
        }

        Assert.Throws<SampleUsageException>(() => SampleOptions.Parse(["--master-key"], Config()));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
