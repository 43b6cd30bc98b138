using System.IO;

namespace NegLR.Experiments.Study;

/// <summary>The study report (placeholder until the report generator lands in the next commit).</summary>
internal static class StudyReport
{
    public static int Write(StudyPlan plan, TextWriter output)
    {
        output.WriteLine("study --report: not yet implemented.");
        return 1;
    }
}
