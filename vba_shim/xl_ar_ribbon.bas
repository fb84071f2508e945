Attribute VB_Name = "XlArRibbon"
' Callbacks of the AR Tools ribbon (customUI/customUI14.xml): each button runs one
' function of xl_ar.macros through xlwings' RunPython.
' Generated from xl_ar/addin/ribbon.py by `python -m xl_ar.addin.ribbon`; do not edit by hand.
Option Explicit

Public Sub OnAging(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.aging_report()"
End Sub

Public Sub OnDashboard(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.dashboard_report()"
End Sub

Public Sub OnForecast(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.forecast_report()"
End Sub

Public Sub OnCreditReview(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.credit_review_report()"
End Sub

Public Sub OnAllowance(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.allowance_report()"
End Sub

Public Sub OnWorklist(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.worklist_report()"
End Sub

Public Sub OnLetters(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.letters_report()"
End Sub

Public Sub OnLetterDocs(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.letter_documents_report()"
End Sub

Public Sub OnConfirmations(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.confirmation_documents_report()"
End Sub

Public Sub OnSendEmail(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.send_emails()"
End Sub

Public Sub OnDisputes(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.disputes_report()"
End Sub

Public Sub OnProductivity(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.productivity_report()"
End Sub

Public Sub OnStatements(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.statements_report()"
End Sub

Public Sub OnReconcile(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.reconcile_report()"
End Sub

Public Sub OnDataHealth(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.data_health_report()"
End Sub

Public Sub OnAbout(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.about()"
End Sub

Public Sub OnToggleLanguage(control As IRibbonControl)
    RunPython "import xl_ar.macros as m; m.toggle_language()"
End Sub
