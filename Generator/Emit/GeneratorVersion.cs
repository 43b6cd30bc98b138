using System.Reflection;

namespace NegLR.Generator.Emit;

/// <summary>The NegLR package version the generator was built as, for <c>[GeneratedCode]</c> and the file header.</summary>
internal static class GeneratorVersion
{
    /// <summary>
    /// The assembly's informational version without its build metadata (<c>0.1.0</c>, not <c>0.1.0+4f2e…</c>): the
    /// package version, the same for every build of one release, so generated files do not change from commit to commit.
    /// </summary>
    public static string Value { get; } = Read();

    private static string Read()
    {
        string? version = typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? typeof(GeneratorVersion).Assembly.GetName().Version?.ToString();
        if (string.IsNullOrEmpty(version))
        {
            return "0.0.0";
        }

        int plus = version!.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }
}
