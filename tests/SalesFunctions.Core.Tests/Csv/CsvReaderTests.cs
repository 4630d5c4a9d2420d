using SalesFunctions.Core.Csv;

namespace SalesFunctions.Core.Tests.Csv;

public sealed class CsvReaderTests
{
    [Theory]
    [InlineData("a,b,c", "1:[a|b|c]")]
    [InlineData("a,b\r\nc,d\r\n", "1:[a|b] 2:[c|d]")]
    [InlineData("a,b\nc,d", "1:[a|b] 2:[c|d]")]
    [InlineData("\uFEFFid,name\n1,x", "1:[id|name] 2:[1|x]")]
    [InlineData("a,\"b,c\",d", "1:[a|b,c|d]")]
    [InlineData("\"say \"\"hi\"\"\",x", "1:[say \"hi\"|x]")]
    [InlineData("\"two\nlines\",x\ny,z", "1:[two\nlines|x] 3:[y|z]")]
    [InlineData("a,,c,", "1:[a||c|]")]
    [InlineData("\"\",x", "1:[|x]")]
    [InlineData("a\n\n\nb\n", "1:[a] 4:[b]")]
    [InlineData("", "")]
    public void Read_WhenTextIsValid_YieldsRecordsWithTheirFirstLine(string text, string expected)
    {
        var records = CsvReader.Read(text).Select(r => $"{r.Line}:[{string.Join('|', r.Fields)}]");

        Assert.Equal(expected, string.Join(' ', records));
    }

    [Theory]
    [InlineData("a,b\nc\"d,e", 2)]
    [InlineData("a\n\"bc\"d,e", 2)]
    [InlineData("a\nb\n\"never closed,x\ny", 3)]
    public void Read_WhenQuotesAreMisused_ThrowsNamingTheLine(string text, int line)
    {
        var error = Assert.Throws<CsvException>(() => CsvReader.Read(text).ToList());

        Assert.Equal(line, error.Line);
    }
}
