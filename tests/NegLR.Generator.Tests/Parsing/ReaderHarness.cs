extern alias generator;

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using generator::NegLR.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Parsing;

/// <summary>
/// Reads a [Circuit] method with <see cref="CircuitBodyReader"/> and runs the same method for real, so tests can check
/// the property that matters: what the reader records at compile time is what the body records at run time.
/// </summary>
internal static class ReaderHarness
{
    /// <summary>Wraps statements into a compilable [Circuit] method <c>Subject.Build</c> with helper types around it.</summary>
    public static string Body(string statements) => $$"""
        using System;
        using NegLR;

        public static class Config
        {
            public const int Layers = 3;
            public const double Scale = 0.5;
            public static readonly int Dynamic = 4;
            public static readonly int[] Wires = { 0, 1 };
            public static int Count() => 2;
        }

        public static class Subject
        {
            [Circuit]
            static void Build(Circuit c)
            {
                {{statements}}
            }
        }
        """;

    public static BodyReadResult Read(string source, int qubits, int gateBudget = CircuitBodyReader.DefaultGateBudget,
        int stepBudget = CircuitBodyReader.DefaultStepBudget, CancellationToken cancellationToken = default)
    {
        var compilation = TestCompilation.Create(source);
        var method = FindCircuitMethod(compilation);
        var model = compilation.GetSemanticModel(method.SyntaxTree);
        return CircuitBodyReader.Read(method, model, qubits, cancellationToken, gateBudget, stepBudget);
    }

    /// <summary>Compiles <paramref name="source"/>, loads it and runs the [Circuit] method on a runtime <see cref="NegLR.Circuit"/>.</summary>
    public static NegLR.Circuit RunAtRuntime(string source, int qubits)
    {
        var compilation = TestCompilation.Create(source);
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("reader-test", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var symbol = (IMethodSymbol)compilation.GetSemanticModel(FindCircuitMethod(compilation).SyntaxTree)
                .GetDeclaredSymbol(FindCircuitMethod(compilation))!;
            var type = assembly.GetType(MetadataName(symbol.ContainingType), throwOnError: true)!;
            var method = type.GetMethod(symbol.Name, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
            var circuit = new NegLR.Circuit(qubits);
            method.Invoke(null, new object[] { circuit });
            return circuit;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Asserts the reader succeeds and records, gate by gate, what the runtime records; returns the gates' text.</summary>
    public static string[] AssertMatchesRuntime(string source, int qubits)
    {
        var read = Read(source, qubits);
        Assert.True(read.Succeeded, "Reader problems:\n" + string.Join("\n", read.Problems.Select(Describe)));
        var compileTime = read.Circuit!;
        var runTime = RunAtRuntime(source, qubits);

        var expected = runTime.Gates.Select(g => g.ToString()).ToArray();
        var actual = compileTime.Gates.Select(g => g.ToString()).ToArray();
        Assert.Equal(expected, actual);
        for (int i = 0; i < expected.Length; i++)
        {
            // Same kind, qubits and angles exactly (text rounds nothing: doubles print round-trip).
            Assert.Equal(runTime.Gates[i].Kind.ToString(), compileTime.Gates[i].Kind.ToString());
            Assert.Equal(runTime.Gates[i].Qubits.ToArray(), compileTime.Gates[i].Qubits.ToArray());
            Assert.Equal(runTime.Gates[i].Angles.Select(a => (a.Source.ToString(), a.Index, a.Scale, a.Offset)),
                compileTime.Gates[i].Angles.Select(a => (a.Source.ToString(), a.Index, a.Scale, a.Offset)));
        }

        Assert.Equal(runTime.WeightCount, compileTime.WeightCount);
        Assert.Equal(runTime.InputCount, compileTime.InputCount);
        return actual;
    }

    /// <summary>Asserts exactly one problem of <paramref name="kind"/>, located at the text <paramref name="at"/>, and returns it.</summary>
    public static BodyProblem AssertSingleProblem(BodyReadResult result, BodyProblemKind kind, string at)
    {
        Assert.Null(result.Circuit);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Kind == kind, $"Expected {kind}, got {Describe(problem)}");
        Assert.Equal(at, LocatedText(problem));
        return problem;
    }

    /// <summary>The source text a problem points at.</summary>
    public static string LocatedText(BodyProblem problem) =>
        problem.Location.SourceTree!.GetText().ToString(problem.Location.SourceSpan);

    public static string Describe(BodyProblem problem) =>
        $"{problem.Kind} at '{(problem.Location.IsInSource ? LocatedText(problem) : "?")}': {problem.Message}";

    public static MethodDeclarationSyntax FindCircuitMethod(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(method) is { } symbol
                    && symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "NegLR.CircuitAttribute"))
                {
                    return method;
                }
            }
        }

        throw new InvalidOperationException("The test source has no [Circuit] method.");
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer
            ? MetadataName(outer) + "+" + type.MetadataName
            : type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
}
