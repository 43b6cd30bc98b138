extern alias generator;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Tests.Infrastructure;
using TrackingNames = generator::NegLR.Generator.TrackingNames;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>Runs the generator on optimizer declarations: generated text, loaded types and the caching checks.</summary>
internal static class OptimizerHarness
{
    /// <summary>The optimizer file generated for <paramref name="hintName"/>; asserts the generator itself raised nothing.</summary>
    public static string Generate(string source, string hintName)
    {
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(source));
        AssertGeneratorRanCleanly(result);
        return GeneratorHarness.Generated(result, hintName);
    }

    /// <summary>No exception escaped the generator and it reported no diagnostic (it reports none by design).</summary>
    public static void AssertGeneratorRanCleanly(GeneratorDriverRunResult result)
    {
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
    }

    /// <summary>
    /// <see cref="GeneratorHarness.AssertCached"/> (every own step Cached or Unchanged on a re-run, here with an edit if
    /// given), plus the same for the optimizer steps' outputs holding no Roslyn object.
    /// </summary>
    public static void AssertCached(Compilation compilation, Func<Compilation, Compilation>? edit = null)
    {
        // GeneratorHarness.AssertCached insists the [Ansatz] step ran; a one-gate companion ansatz in its own file makes
        // it run without touching the optimizer sources.
        GeneratorHarness.AssertCached(compilation.AddSyntaxTrees(CompanionAnsatz), edit);
        var run = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult();
        var steps = run.Results.Single().TrackedSteps;
        Assert.True(steps.ContainsKey(TrackingNames.OptimizerModels), "the OptimizerModels step must be tracked");
        foreach (string name in new[] { TrackingNames.OptimizerDeclarations, TrackingNames.OptimizerModels })
        {
            foreach (var step in steps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static readonly SyntaxTree CompanionAnsatz = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
        [NegLR.Ansatz(Qubits = 1, Template = NegLR.AnsatzTemplate.HardwareEfficient)]
        [NegLR.Observable("Z0")]
        internal partial struct CacheCheckCompanion;
        """, TestCompilation.ParseOptions, path: "CacheCheckCompanion.cs");

    private static void AssertNoRoslynObjects(object? node, string step, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        Assert.False(node is Compilation or ISymbol or SyntaxNode or SemanticModel or SyntaxTree or Location or AttributeData,
            $"step {step} holds a Roslyn object of type {node.GetType()}");
        if (node is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen);
            }

            return;
        }

        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(node), step, seen);
        }
    }
}
