using System;
using System.IO;

namespace NegLR.Analyzers.Tests.Infrastructure;

/// <summary>Declarations the project shows users.</summary>
internal static class Samples
{
    /// <summary>The canonical DSL example: a 4-qubit Iris classifier with a CNOT ladder and a Z0 readout.</summary>
    public const string DesignExample = """
        using NegLR;

        [Ansatz(Qubits = 4)]
        [Observable("Z0")]                       // Pauli-sum text, parsed at compile time
        public partial struct IrisClassifier     // a type the generator can make implement IAnsatz
        {
            [Circuit]
            static void Build(Circuit c)         // restricted C#: runs at compile time in the generator,
            {                                    // and is also plain C# that runs at run time
                for (int q = 0; q < 4; q++) c.RY(q, c.Input(q));          // angle-encode 4 features
                for (int layer = 0; layer < 3; layer++)
                {
                    for (int q = 0; q < 4; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                    for (int q = 0; q < 3; q++) c.CNOT(q, q + 1);
                }
            }
        }
        """;

    /// <summary>The repository root: the directory above this test project that holds NegLR.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NegLR.sln")))
            {
                return dir.FullName;
            }
        }

        // Built outside the tree (--artifacts-path): the source file's own location knows the way.
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", ".."));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
