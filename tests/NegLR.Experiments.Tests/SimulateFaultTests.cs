using System.IO;
using System.Linq;

namespace NegLR.Experiments.Tests;

/// <summary>simulate: every user mistake is one line on standard error and a non-zero exit, never a stack trace.</summary>
public class SimulateFaultTests : ScratchTest
{
    private string Program(string dir, int qubits = 1)
    {
        string qasm = Path.Combine(dir, "p.qasm");
        File.WriteAllText(qasm, $"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[{qubits}];\nrx(0.1) q[0];\n");
        return qasm;
    }

    [Fact]
    public void QasmIsAFolder_OneLineError()
    {
        string dir = Temp("sim-dir-qasm");
        var r = TestSupport.Run("simulate", "--qasm", dir, "--observable", "Z0");
        AssertOneLine(r, 2, "--qasm", "is a folder");
    }

    [Fact]
    public void ObservableFileIsAFolder_OneLineError()
    {
        string dir = Temp("sim-dir-obs");
        var r = TestSupport.Run("simulate", "--qasm", Program(dir), "--observable-file", dir);
        AssertOneLine(r, 2, "--observable-file", "is a folder");
    }

    [Fact]
    public void OutIsAFolder_OneLineError()
    {
        string dir = Temp("sim-dir-out");
        var r = TestSupport.Run("simulate", "--qasm", Program(dir), "--observable", "Z0", "--out", dir);
        AssertOneLine(r, 2, "--out", "is a folder");
    }

    [Fact]
    public void ThirtyQubits_OneLineMemoryError()
    {
        string dir = Temp("sim-30");
        var r = TestSupport.Run("simulate", "--qasm", Program(dir, 30), "--observable", "Z0");
        Assert.Equal(1, r.Exit);
        Assert.StartsWith("Error: ", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void MissingObservableFile_OneLineError()
    {
        string dir = Temp("sim-missing");
        var r = TestSupport.Run("simulate", "--qasm", Program(dir), "--observable-file", Path.Combine(dir, "nope.txt"));
        Assert.Equal(1, r.Exit);
        Assert.Contains("--observable-file: no file", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    private static void AssertOneLine((int Exit, string Output, string Error) r, int exit, string option, string text)
    {
        Assert.Equal(exit, r.Exit);
        string first = r.Error.Split('\n').First();
        Assert.StartsWith("Error: " + option, first);
        Assert.Contains(text, first);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.DoesNotContain("Exception", r.Error);
    }
}
