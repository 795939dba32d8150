# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'survey_list.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_SurveyListPage(object):
    def setupUi(self, SurveyListPage):
        if not SurveyListPage.objectName():
            SurveyListPage.setObjectName(u"SurveyListPage")
        SurveyListPage.resize(1126, 700)
        self.pageLayout = QVBoxLayout(SurveyListPage)
        self.pageLayout.setSpacing(10)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(20, 18, 20, 12)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.pageTitle = QLabel(SurveyListPage)
        self.pageTitle.setObjectName(u"pageTitle")

        self.headerLayout.addWidget(self.pageTitle)

        self.headerSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.templateButton = QPushButton(SurveyListPage)
        self.templateButton.setObjectName(u"templateButton")

        self.headerLayout.addWidget(self.templateButton)

        self.newSurveyButton = QPushButton(SurveyListPage)
        self.newSurveyButton.setObjectName(u"newSurveyButton")

        self.headerLayout.addWidget(self.newSurveyButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.messageLabel = QLabel(SurveyListPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setVisible(False)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.messageLabel)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(8)
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(SurveyListPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.regencyCombo = QComboBox(SurveyListPage)
        self.regencyCombo.setObjectName(u"regencyCombo")
        self.regencyCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.regencyCombo.setMinimumContentsLength(24)

        self.filterLayout.addWidget(self.regencyCombo)

        self.statusCombo = QComboBox(SurveyListPage)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.statusCombo)

        self.clearFiltersButton = QPushButton(SurveyListPage)
        self.clearFiltersButton.setObjectName(u"clearFiltersButton")

        self.filterLayout.addWidget(self.clearFiltersButton)


        self.pageLayout.addLayout(self.filterLayout)

        self.stack = QStackedWidget(SurveyListPage)
        self.stack.setObjectName(u"stack")
        self.tablePage = QWidget()
        self.tablePage.setObjectName(u"tablePage")
        self.tablePageLayout = QVBoxLayout(self.tablePage)
        self.tablePageLayout.setObjectName(u"tablePageLayout")
        self.tablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.surveyTable = QTableView(self.tablePage)
        self.surveyTable.setObjectName(u"surveyTable")
        self.surveyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.surveyTable.setTabKeyNavigation(False)
        self.surveyTable.setAlternatingRowColors(True)
        self.surveyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.surveyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.surveyTable.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.surveyTable.setShowGrid(False)
        self.surveyTable.setSortingEnabled(True)
        self.surveyTable.setWordWrap(False)
        self.surveyTable.horizontalHeader().setHighlightSections(False)
        self.surveyTable.verticalHeader().setVisible(False)

        self.tablePageLayout.addWidget(self.surveyTable)

        self.stack.addWidget(self.tablePage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyPageLayout = QVBoxLayout(self.emptyPage)
        self.emptyPageLayout.setObjectName(u"emptyPageLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyPageLayout.addWidget(self.emptyLabel)

        self.stack.addWidget(self.emptyPage)

        self.pageLayout.addWidget(self.stack)

        self.countLabel = QLabel(SurveyListPage)
        self.countLabel.setObjectName(u"countLabel")

        self.pageLayout.addWidget(self.countLabel)

        QWidget.setTabOrder(self.searchEdit, self.regencyCombo)
        QWidget.setTabOrder(self.regencyCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.clearFiltersButton)
        QWidget.setTabOrder(self.clearFiltersButton, self.surveyTable)
        QWidget.setTabOrder(self.surveyTable, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.newSurveyButton)

        self.retranslateUi(SurveyListPage)

        QMetaObject.connectSlotsByName(SurveyListPage)
    # setupUi

    def retranslateUi(self, SurveyListPage):
        self.pageTitle.setText(QCoreApplication.translate("SurveyListPage", u"Surveys", None))
#if QT_CONFIG(tooltip)
        self.templateButton.setToolTip(QCoreApplication.translate("SurveyListPage", u"Save a blank Excel template to type paper surveys into, or import a filled one", None))
#endif // QT_CONFIG(tooltip)
        self.templateButton.setText(QCoreApplication.translate("SurveyListPage", u"&Excel template", None))
#if QT_CONFIG(tooltip)
        self.newSurveyButton.setToolTip(QCoreApplication.translate("SurveyListPage", u"Record a new village survey (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.newSurveyButton.setText(QCoreApplication.translate("SurveyListPage", u"&New survey", None))
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("SurveyListPage", u"Every word you type must appear in the village, district, regency, officer, top candidate or region code (Ctrl+F)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("SurveyListPage", u"Search surveys", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SurveyListPage", u"Search village, district, officer, product\u2026", None))
#if QT_CONFIG(tooltip)
        self.regencyCombo.setToolTip(QCoreApplication.translate("SurveyListPage", u"Show the surveys of one regency or city", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.regencyCombo.setAccessibleName(QCoreApplication.translate("SurveyListPage", u"Regency / City", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("SurveyListPage", u"Show draft or final surveys only", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("SurveyListPage", u"Status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.clearFiltersButton.setToolTip(QCoreApplication.translate("SurveyListPage", u"Show every survey again", None))
#endif // QT_CONFIG(tooltip)
        self.clearFiltersButton.setText(QCoreApplication.translate("SurveyListPage", u"C&lear filters", None))
#if QT_CONFIG(accessibility)
        self.surveyTable.setAccessibleName(QCoreApplication.translate("SurveyListPage", u"Surveys", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

