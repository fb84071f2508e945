"""Export texts shared by the layout tests of the core and of the CLI."""

#: Accurate *Rincian Umur Piutang* as csv: title block, customer heading rows, a total per
#: customer and a grand total (17,500,000 open at 31 Dec 2024).
ACCURATE_CSV = """PT Sumber Makmur
Rincian Umur Piutang
Per Tanggal 31 Des 2024

No. Faktur,Tgl Faktur,Jatuh Tempo,Nilai Faktur,Sisa Piutang
PT Andalas Jaya,,,,
F-001,01 Nov 2024,01 Des 2024,"10.000.000","10.000.000"
F-002,15 Des 2024,14 Jan 2025,"5.500.000","5.500.000"
Total PT Andalas Jaya,,,"15.500.000","15.500.000"
CV Borneo,,,,
F-003,20 Sep 2024,20 Okt 2024,"2.000.000","2.000.000"
Total CV Borneo,,,"2.000.000","2.000.000"
Jumlah Total,,,"17.500.000","17.500.000"
"""

#: The same export with the printed-at footer Accurate adds below the data.
ACCURATE_CSV_PRINTED = ACCURATE_CSV + "\nDicetak 02/01/2025 10:31\n"
