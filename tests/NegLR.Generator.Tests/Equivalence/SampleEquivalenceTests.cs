using System;
using System.IO;
using System.Linq;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Equivalence;

/// <summary>
/// Every declaration file of every sample under samples/, compiled with the generator as the sample's build does:
/// each ansatz it declares equals the interpreter (and, up to 6 qubits, the dense reference) on both code paths.
/// </summary>
public class SampleEquivalenceTests
{
    public static TheoryData<string> DeclarationFiles()
    {
        string samples = Path.Combine(RepositoryRoot.Find(), "samples");
        var files = Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && File.ReadAllText(f).Contains("[Ansatz(", StringComparison.Ordinal)
                        // A sample with a device profile needs its AdditionalFiles: Noise/NoisySampleTests covers it.
                        && !File.ReadAllText(f).Contains("[DeviceProfile(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(samples, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    [Fact]
    public void EverySampleWithAnAnsatz_IsCovered() =>
        Assert.True(DeclarationFiles().Count >= 3, "expected the H2, QAOA ring and Iris samples' declarations");

    [Theory]
    [MemberData(nameof(DeclarationFiles))]
    public void SampleAnsatz_EqualsInterpreter(string file)
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", file));
        var assembly = GeneratorHarness.CompileAndLoad(source);
        var ansatze = assembly.GetTypes().Where(t => typeof(IAnsatz).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(ansatze);
        foreach (var type in ansatze)
        {
            int qubits = AnsatzProbe.Call<int>(type, "Qubits");
            EquivalenceAssert.OnBothPaths(() => EquivalenceAssert.MatchesOracles(type, seed: 3, dense: qubits <= 6));
        }
    }
}
