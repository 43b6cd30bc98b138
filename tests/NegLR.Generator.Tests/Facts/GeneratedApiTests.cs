extern alias generator;

using System;
using System.CodeDom.Compiler;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Threading;
using NegLR.Generator.Tests.Equivalence;
using NegLR.Generator.Tests.Infrastructure;
using AnsatzDeclaration = generator::NegLR.Generator.Model.AnsatzDeclaration;
using NegLRGenerator = generator::NegLR.Generator.NegLRGenerator;
using TileOptions = generator::NegLR.Generator.Emit.TileOptions;
using TrackingNames = generator::NegLR.Generator.TrackingNames;

namespace NegLR.Generator.Tests.Facts;

/// <summary>
/// The generated type's API beyond the kernels: the workspace overloads (the interpreter's CreateWorkspace() pattern),
/// the version stamp, the run-time program's check that it runs the circuit the generator compiled, and cancellation.
/// </summary>
public class GeneratedApiTests
{
    private static readonly Lazy<Assembly> Iris = new(() => GeneratorHarness.CompileAndLoad(SampleSources.IrisClassifier, WorkspaceProbe));

    /// <summary>Calls compiled into the ansatz's own type (spans and workspaces cannot cross reflection as arguments of a generic probe).</summary>
    private const string WorkspaceProbe = """
        using System.Linq;

        namespace Samples
        {
            public partial struct IrisClassifier
            {
                public static double[] ByWorkspace(double[] w, double[] x)
                {
                    var workspace = CreateWorkspace();
                    var g = new double[WeightCount];
                    var shift = new double[WeightCount];
                    double value = EvaluateWithGradient(w, x, g, workspace);
                    ParameterShiftGradient(w, x, shift, workspace);
                    Prepare(w, x, workspace);
                    return new[] { value, Evaluate(w, x, workspace), Evaluate(w, x, workspace, Cost), workspace.State[3].Real }.Concat(g).Concat(shift).ToArray();
                }

                public static double[] BySpans(double[] w, double[] x)
                {
                    var s = new global::System.Numerics.Complex[StateLength];
                    var a = new global::System.Numerics.Complex[StateLength];
                    var g = new double[WeightCount];
                    var shift = new double[WeightCount];
                    double value = EvaluateWithGradient(w, x, g, s, a);
                    ParameterShiftGradient(w, x, shift, s);
                    Prepare(w, x, s);
                    return new[] { value, Evaluate(w, x, s), Evaluate(w, x, s, Cost), s[3].Real }.Concat(g).Concat(shift).ToArray();
                }

                public static void WrongWorkspace() => Evaluate(new double[WeightCount], new double[InputCount], new global::NegLR.AnsatzWorkspace(Qubits + 1));
            }
        }
        """;

    [Fact]
    public void WorkspaceOverloads_GiveWhatTheSpanOverloadsGive()
    {
        var type = AnsatzProbe.Find(Iris.Value, "Samples.IrisClassifier");
        var (w, x) = EquivalenceAssert.RandomArguments(24, 4, 31);
        var byWorkspace = (double[])type.GetMethod("ByWorkspace")!.Invoke(null, new object[] { w, x })!;
        var bySpans = (double[])type.GetMethod("BySpans")!.Invoke(null, new object[] { w, x })!;
        Assert.Equal(bySpans, byWorkspace);
    }

    [Fact]
    public void WorkspaceOfAnotherSize_IsRejectedByName()
    {
        var type = AnsatzProbe.Find(Iris.Value, "Samples.IrisClassifier");
        var error = Assert.Throws<TargetInvocationException>(() => type.GetMethod("WrongWorkspace")!.Invoke(null, null)).InnerException;
        var argument = Assert.IsType<ArgumentException>(error);
        Assert.Equal("workspace", argument.ParamName);
        Assert.Contains("IrisClassifier.CreateWorkspace()", argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedCode_CarriesTheGeneratorsPackageVersion()
    {
        var type = AnsatzProbe.Find(Iris.Value, "Samples.IrisClassifier");
        var stamp = type.GetCustomAttribute<GeneratedCodeAttribute>()!;
        string? informational = typeof(NegLRGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        Assert.Equal("NegLR.Generator", stamp.Tool);
        Assert.Equal(informational!.Split('+')[0], stamp.Version);
        Assert.NotEqual("1.0.0", stamp.Version);
    }

    [Fact]
    public void ProgramOfAnotherCircuit_IsRefusedWithTheFix()
    {
        var circuit = new Circuit(2).RY(0, new Circuit(2).Weight()).CNOT(0, 1);
        var error = Assert.Throws<InvalidOperationException>(() => GeneratedProgram.Create("Probe", circuit, fingerprint: 42));
        Assert.Contains("Rebuild with one NegLR version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPhase_StopsOnCancellation()
    {
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(SampleSources.IrisClassifier));
        var declaration = (AnsatzDeclaration)result.Results.Single().TrackedSteps[TrackingNames.AnsatzDeclarations]
            .SelectMany(s => s.Outputs).Single().Value;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Running the body (and the light cones after it), then writing the file, each check the token.
        Assert.ThrowsAny<OperationCanceledException>(() => NegLRGenerator.Builder.Build(declaration, null, cancelled.Token));
        var spec = NegLRGenerator.Builder.Build(declaration, null, CancellationToken.None);
        Assert.ThrowsAny<OperationCanceledException>(() => NegLRGenerator.Emitter.Emit(spec, new TileOptions(), cancelled.Token));
    }
}
