using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

public sealed class LocalDaysTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2026-10-24T20:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-28T20:00:00Z")]
    [InlineData("America/New_York", "2026-11-01T00:00:00Z")]
    [InlineData("Australia/Lord_Howe", "2026-04-04T10:00:00Z")]
    [InlineData("Australia/Lord_Howe", "2026-10-03T10:00:00Z")]
    [InlineData("Asia/Kathmandu", "2026-06-01T10:00:00Z")]
    [InlineData("Pacific/Chatham", "2026-09-26T10:00:00Z")]
    public void DayNumber_WhenAZoneChangesItsOffset_AgreesWithTheDirectoryEveryFewMinutes(string zone, string from)
    {
        var directory = TestData.Directory(zone);
        var localDays = new LocalDays(directory);
        var start = CatalogueData.At(from);

        // Two days in 7-minute steps cross the transition, the local midnights and the odd-offset hours.
        for (var instant = start; instant < start.AddDays(2); instant = instant.AddMinutes(7))
        {
            Assert.True(directory.LocalDay(instant).DayNumber == localDays.DayNumber(instant), $"{zone} {instant:O}");
        }
    }
}
