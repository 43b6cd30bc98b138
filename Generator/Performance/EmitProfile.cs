using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NegLR.Analyzers.Performance;
using NegLR.Generator.Emit;
using NegLR.Generator.Model;

namespace NegLR.Generator.Performance;

/// <summary>Where a first emit's time goes: each phase of building and writing one big ansatz, in thread CPU time.</summary>
internal static class EmitProfile
{
    public static void Run(string key, ImmutableArray<MetadataReference> references)
    {
        var (name, source, _) = Workload.Case(key);
        var compilation = Keystroke.Compile(references, new[] { ("Case.cs", source) });
        var driver = CSharpDriver(compilation);
        var declaration = (AnsatzDeclaration)driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.AnsatzDeclarations]
            .SelectMany(s => s.Outputs).Single().Value;
        for (int round = 0; round < 3; round++)
        {
            double t0 = ThreadClock.Milliseconds;
            var spec = NegLRGenerator.Builder.Build(declaration, null, CancellationToken.None);
            double t1 = ThreadClock.Milliseconds;
            var circuit = NegLRGenerator.Emitter.Rebuild(spec);
            var steps = NegLR.Simulation.InstructionCompiler.Compile(circuit);
            double t2 = ThreadClock.Milliseconds;
            string drawing = circuit.Draw();
            int depth = circuit.Depth + circuit.EntanglingDepth;
            double t3 = ThreadClock.Milliseconds;
            var plan = TilePlan.Build(steps, spec.Qubits, new TileOptions());
            double t4 = ThreadClock.Milliseconds;
            string text = NegLRGenerator.Emitter.Emit(spec, new TileOptions(), CancellationToken.None);
            double t5 = ThreadClock.Milliseconds;
            Console.WriteLine($"{name}: build {t1 - t0:F0} ms, rebuild+compile steps {t2 - t1:F0} ms, drawing+depths {t3 - t2:F0} ms ({drawing.Length + depth} chars), " +
                              $"tile plan {t4 - t3:F0} ms ({plan.Regions.Count} regions), whole emit {t5 - t4:F0} ms ({text.Length:N0} chars)");
        }
    }

    private static GeneratorDriver CSharpDriver(Compilation compilation) =>
        Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new[] { new NegLRGenerator().AsSourceGenerator() }, parseOptions: Keystroke.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(compilation);
}
