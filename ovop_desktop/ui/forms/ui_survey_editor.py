# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'survey_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_SurveyEditor(object):
    def setupUi(self, SurveyEditor):
        if not SurveyEditor.objectName():
            SurveyEditor.setObjectName(u"SurveyEditor")
        self.editorLayout = QVBoxLayout(SurveyEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(SurveyEditor)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.statusLabel = QLabel(SurveyEditor)
        self.statusLabel.setObjectName(u"statusLabel")

        self.headerLayout.addWidget(self.statusLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.savedLabel = QLabel(SurveyEditor)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setText(u"")

        self.headerLayout.addWidget(self.savedLabel)

        self.correctButton = QPushButton(SurveyEditor)
        self.correctButton.setObjectName(u"correctButton")

        self.headerLayout.addWidget(self.correctButton)

        self.finalizeButton = QPushButton(SurveyEditor)
        self.finalizeButton.setObjectName(u"finalizeButton")

        self.headerLayout.addWidget(self.finalizeButton)

        self.deleteButton = QPushButton(SurveyEditor)
        self.deleteButton.setObjectName(u"deleteButton")

        self.headerLayout.addWidget(self.deleteButton)

        self.backButton = QPushButton(SurveyEditor)
        self.backButton.setObjectName(u"backButton")

        self.headerLayout.addWidget(self.backButton)


        self.editorLayout.addLayout(self.headerLayout)

        self.missingBanner = QLabel(SurveyEditor)
        self.missingBanner.setObjectName(u"missingBanner")
        self.missingBanner.setText(u"")
        self.missingBanner.setWordWrap(True)
        self.missingBanner.setVisible(False)

        self.editorLayout.addWidget(self.missingBanner)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.sectionList = QListWidget(SurveyEditor)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        self.sectionList.setObjectName(u"sectionList")
        self.sectionList.setMaximumSize(QSize(190, 16777215))
        self.sectionList.setMinimumSize(QSize(160, 0))

        self.bodyLayout.addWidget(self.sectionList)

        self.scrollArea = QScrollArea(SurveyEditor)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollContent = QWidget()
        self.scrollContent.setObjectName(u"scrollContent")
        self.contentLayout = QVBoxLayout(self.scrollContent)
        self.contentLayout.setObjectName(u"contentLayout")
        self.placeGroup = QGroupBox(self.scrollContent)
        self.placeGroup.setObjectName(u"placeGroup")
        self.placeForm = QFormLayout(self.placeGroup)
        self.placeForm.setObjectName(u"placeForm")
        self.placeForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.placeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.villageSearchLabel = QLabel(self.placeGroup)
        self.villageSearchLabel.setObjectName(u"villageSearchLabel")

        self.placeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.villageSearchLabel)

        self.villageSearch = QLineEdit(self.placeGroup)
        self.villageSearch.setObjectName(u"villageSearch")

        self.placeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.villageSearch)

        self.regencyComboLabel = QLabel(self.placeGroup)
        self.regencyComboLabel.setObjectName(u"regencyComboLabel")

        self.placeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.regencyComboLabel)

        self.regencyCombo = QComboBox(self.placeGroup)
        self.regencyCombo.setObjectName(u"regencyCombo")

        self.placeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.regencyCombo)

        self.districtComboLabel = QLabel(self.placeGroup)
        self.districtComboLabel.setObjectName(u"districtComboLabel")

        self.placeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.districtComboLabel)

        self.districtCombo = QComboBox(self.placeGroup)
        self.districtCombo.setObjectName(u"districtCombo")

        self.placeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.districtCombo)

        self.villageComboLabel = QLabel(self.placeGroup)
        self.villageComboLabel.setObjectName(u"villageComboLabel")

        self.placeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.villageComboLabel)

        self.villageCombo = QComboBox(self.placeGroup)
        self.villageCombo.setObjectName(u"villageCombo")

        self.placeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.villageCombo)

        self.villageError = QLabel(self.placeGroup)
        self.villageError.setObjectName(u"villageError")
        self.villageError.setText(u"")
        self.villageError.setWordWrap(True)
        self.villageError.setVisible(False)

        self.placeForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.villageError)

        self.hamletEditLabel = QLabel(self.placeGroup)
        self.hamletEditLabel.setObjectName(u"hamletEditLabel")

        self.placeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hamletEditLabel)

        self.hamletEdit = QLineEdit(self.placeGroup)
        self.hamletEdit.setObjectName(u"hamletEdit")

        self.placeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hamletEdit)

        self.latitudeEditLabel = QLabel(self.placeGroup)
        self.latitudeEditLabel.setObjectName(u"latitudeEditLabel")

        self.placeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.latitudeEditLabel)

        self.latitudeEdit = QLineEdit(self.placeGroup)
        self.latitudeEdit.setObjectName(u"latitudeEdit")

        self.placeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.latitudeEdit)

        self.longitudeEditLabel = QLabel(self.placeGroup)
        self.longitudeEditLabel.setObjectName(u"longitudeEditLabel")

        self.placeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.longitudeEditLabel)

        self.longitudeEdit = QLineEdit(self.placeGroup)
        self.longitudeEdit.setObjectName(u"longitudeEdit")

        self.placeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.longitudeEdit)

        self.gpsSourceComboLabel = QLabel(self.placeGroup)
        self.gpsSourceComboLabel.setObjectName(u"gpsSourceComboLabel")

        self.placeForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.gpsSourceComboLabel)

        self.gpsSourceBox = QWidget(self.placeGroup)
        self.gpsSourceBox.setObjectName(u"gpsSourceBox")
        self.gpsSource = QHBoxLayout(self.gpsSourceBox)
        self.gpsSource.setObjectName(u"gpsSource")
        self.gpsSource.setContentsMargins(0, 0, 0, 0)
        self.gpsSourceCombo = QComboBox(self.gpsSourceBox)
        self.gpsSourceCombo.setObjectName(u"gpsSourceCombo")

        self.gpsSource.addWidget(self.gpsSourceCombo)

        self.gpsFromPhotoButton = QPushButton(self.gpsSourceBox)
        self.gpsFromPhotoButton.setObjectName(u"gpsFromPhotoButton")

        self.gpsSource.addWidget(self.gpsFromPhotoButton)

        self.gpsSourceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.gpsSource.addItem(self.gpsSourceSpacer)


        self.placeForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.gpsSourceBox)

        self.accuracySpinLabel = QLabel(self.placeGroup)
        self.accuracySpinLabel.setObjectName(u"accuracySpinLabel")

        self.placeForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.accuracySpinLabel)

        self.accuracySpin = QSpinBox(self.placeGroup)
        self.accuracySpin.setObjectName(u"accuracySpin")
        self.accuracySpin.setMinimum(-1)
        self.accuracySpin.setMaximum(100000)
        self.accuracySpin.setValue(-1)
        self.accuracySpin.setSpecialValueText(u"\u2014")
        self.accuracySpin.setGroupSeparatorShown(True)

        self.placeForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.accuracySpin)

        self.gpsWarning = QLabel(self.placeGroup)
        self.gpsWarning.setObjectName(u"gpsWarning")
        self.gpsWarning.setText(u"")
        self.gpsWarning.setWordWrap(True)
        self.gpsWarning.setVisible(False)

        self.placeForm.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.gpsWarning)


        self.contentLayout.addWidget(self.placeGroup)

        self.officerGroup = QGroupBox(self.scrollContent)
        self.officerGroup.setObjectName(u"officerGroup")
        self.officerForm = QFormLayout(self.officerGroup)
        self.officerForm.setObjectName(u"officerForm")
        self.officerForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.officerForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.surveyDateLabel = QLabel(self.officerGroup)
        self.surveyDateLabel.setObjectName(u"surveyDateLabel")

        self.officerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.surveyDateLabel)

        self.surveyDate = QDateEdit(self.officerGroup)
        self.surveyDate.setObjectName(u"surveyDate")
        self.surveyDate.setCalendarPopup(True)

        self.officerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.surveyDate)

        self.officerLabelLabel = QLabel(self.officerGroup)
        self.officerLabelLabel.setObjectName(u"officerLabelLabel")

        self.officerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officerLabelLabel)

        self.officerLabel = QLabel(self.officerGroup)
        self.officerLabel.setObjectName(u"officerLabel")
        self.officerLabel.setText(u"")

        self.officerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officerLabel)

        self.officerError = QLabel(self.officerGroup)
        self.officerError.setObjectName(u"officerError")
        self.officerError.setText(u"")
        self.officerError.setWordWrap(True)
        self.officerError.setVisible(False)

        self.officerForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.officerError)

        self.respondentsBoxLabel = QLabel(self.officerGroup)
        self.respondentsBoxLabel.setObjectName(u"respondentsBoxLabel")

        self.officerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.respondentsBoxLabel)

        self.respondentsBox = QWidget(self.officerGroup)
        self.respondentsBox.setObjectName(u"respondentsBox")
        self.respondentsLayout = QVBoxLayout(self.respondentsBox)
        self.respondentsLayout.setObjectName(u"respondentsLayout")
        self.respondentsLayout.setContentsMargins(0, 0, 0, 0)
        self.respondentsTable = QTableWidget(self.respondentsBox)
        if (self.respondentsTable.columnCount() < 3):
            self.respondentsTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.respondentsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.respondentsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.respondentsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.respondentsTable.setObjectName(u"respondentsTable")
        self.respondentsTable.setMinimumSize(QSize(0, 130))
        self.respondentsTable.setMaximumSize(QSize(16777215, 190))
        self.respondentsTable.setColumnCount(3)
        self.respondentsTable.setTabKeyNavigation(False)
        self.respondentsTable.horizontalHeader().setStretchLastSection(True)
        self.respondentsTable.verticalHeader().setVisible(False)

        self.respondentsLayout.addWidget(self.respondentsTable)

        self.respondentButtons = QHBoxLayout()
        self.respondentButtons.setObjectName(u"respondentButtons")
        self.addRespondentButton = QPushButton(self.respondentsBox)
        self.addRespondentButton.setObjectName(u"addRespondentButton")

        self.respondentButtons.addWidget(self.addRespondentButton)

        self.removeRespondentButton = QPushButton(self.respondentsBox)
        self.removeRespondentButton.setObjectName(u"removeRespondentButton")

        self.respondentButtons.addWidget(self.removeRespondentButton)

        self.respondentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.respondentButtons.addItem(self.respondentSpacer)


        self.respondentsLayout.addLayout(self.respondentButtons)


        self.officerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.respondentsBox)


        self.contentLayout.addWidget(self.officerGroup)

        self.factsGroup = QGroupBox(self.scrollContent)
        self.factsGroup.setObjectName(u"factsGroup")
        self.factsForm = QFormLayout(self.factsGroup)
        self.factsForm.setObjectName(u"factsForm")
        self.factsForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.factsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.populationSpinLabel = QLabel(self.factsGroup)
        self.populationSpinLabel.setObjectName(u"populationSpinLabel")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.populationSpinLabel)

        self.populationSpin = QSpinBox(self.factsGroup)
        self.populationSpin.setObjectName(u"populationSpin")
        self.populationSpin.setMinimum(-1)
        self.populationSpin.setMaximum(10000000)
        self.populationSpin.setValue(-1)
        self.populationSpin.setSpecialValueText(u"\u2014")
        self.populationSpin.setGroupSeparatorShown(True)

        self.factsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.populationSpin)

        self.householdsSpinLabel = QLabel(self.factsGroup)
        self.householdsSpinLabel.setObjectName(u"householdsSpinLabel")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.householdsSpinLabel)

        self.householdsSpin = QSpinBox(self.factsGroup)
        self.householdsSpin.setObjectName(u"householdsSpin")
        self.householdsSpin.setMinimum(-1)
        self.householdsSpin.setMaximum(10000000)
        self.householdsSpin.setValue(-1)
        self.householdsSpin.setSpecialValueText(u"\u2014")
        self.householdsSpin.setGroupSeparatorShown(True)

        self.factsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.householdsSpin)

        self.livelihoodsEditLabel = QLabel(self.factsGroup)
        self.livelihoodsEditLabel.setObjectName(u"livelihoodsEditLabel")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.livelihoodsEditLabel)

        self.livelihoodsEdit = QLineEdit(self.factsGroup)
        self.livelihoodsEdit.setObjectName(u"livelihoodsEdit")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.livelihoodsEdit)

        self.roadComboLabel = QLabel(self.factsGroup)
        self.roadComboLabel.setObjectName(u"roadComboLabel")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roadComboLabel)

        self.roadCombo = QComboBox(self.factsGroup)
        self.roadCombo.setObjectName(u"roadCombo")
        self.roadCombo.setEditable(True)

        self.factsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roadCombo)

        self.electricityComboLabel = QLabel(self.factsGroup)
        self.electricityComboLabel.setObjectName(u"electricityComboLabel")

        self.factsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.electricityComboLabel)

        self.electricityCombo = QComboBox(self.factsGroup)
        self.electricityCombo.setObjectName(u"electricityCombo")
        self.electricityCombo.setEditable(True)

        self.factsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.electricityCombo)

        self.signalComboLabel = QLabel(self.factsGroup)
        self.signalComboLabel.setObjectName(u"signalComboLabel")

        self.factsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.signalComboLabel)

        self.signalCombo = QComboBox(self.factsGroup)
        self.signalCombo.setObjectName(u"signalCombo")
        self.signalCombo.setEditable(True)

        self.factsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signalCombo)

        self.cooperativesSpinLabel = QLabel(self.factsGroup)
        self.cooperativesSpinLabel.setObjectName(u"cooperativesSpinLabel")

        self.factsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cooperativesSpinLabel)

        self.cooperativesSpin = QSpinBox(self.factsGroup)
        self.cooperativesSpin.setObjectName(u"cooperativesSpin")
        self.cooperativesSpin.setMinimum(-1)
        self.cooperativesSpin.setMaximum(10000)
        self.cooperativesSpin.setValue(-1)
        self.cooperativesSpin.setSpecialValueText(u"\u2014")
        self.cooperativesSpin.setGroupSeparatorShown(True)

        self.factsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cooperativesSpin)

        self.bumdesComboLabel = QLabel(self.factsGroup)
        self.bumdesComboLabel.setObjectName(u"bumdesComboLabel")

        self.factsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.bumdesComboLabel)

        self.bumdesCombo = QComboBox(self.factsGroup)
        self.bumdesCombo.setObjectName(u"bumdesCombo")

        self.factsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.bumdesCombo)

        self.umkmSpinLabel = QLabel(self.factsGroup)
        self.umkmSpinLabel.setObjectName(u"umkmSpinLabel")

        self.factsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.umkmSpinLabel)

        self.umkmSpin = QSpinBox(self.factsGroup)
        self.umkmSpin.setObjectName(u"umkmSpin")
        self.umkmSpin.setMinimum(-1)
        self.umkmSpin.setMaximum(1000000)
        self.umkmSpin.setValue(-1)
        self.umkmSpin.setSpecialValueText(u"\u2014")
        self.umkmSpin.setGroupSeparatorShown(True)

        self.factsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.umkmSpin)

        self.notesEditLabel = QLabel(self.factsGroup)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.factsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.factsGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 90))
        self.notesEdit.setTabChangesFocus(True)

        self.factsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.contentLayout.addWidget(self.factsGroup)

        self.productsGroup = QGroupBox(self.scrollContent)
        self.productsGroup.setObjectName(u"productsGroup")
        self.productsLayout = QVBoxLayout(self.productsGroup)
        self.productsLayout.setObjectName(u"productsLayout")
        self.productListLayout = QVBoxLayout()
        self.productListLayout.setObjectName(u"productListLayout")
        self.productList = QListWidget(self.productsGroup)
        self.productList.setObjectName(u"productList")
        self.productList.setMaximumSize(QSize(16777215, 130))

        self.productListLayout.addWidget(self.productList)

        self.addProductButton = QPushButton(self.productsGroup)
        self.addProductButton.setObjectName(u"addProductButton")

        self.productListLayout.addWidget(self.addProductButton)

        self.removeProductButton = QPushButton(self.productsGroup)
        self.removeProductButton.setObjectName(u"removeProductButton")

        self.productListLayout.addWidget(self.removeProductButton)

        self.productsError = QLabel(self.productsGroup)
        self.productsError.setObjectName(u"productsError")
        self.productsError.setText(u"")
        self.productsError.setWordWrap(True)
        self.productsError.setVisible(False)

        self.productListLayout.addWidget(self.productsError)


        self.productsLayout.addLayout(self.productListLayout)

        self.productHost = QWidget(self.productsGroup)
        self.productHost.setObjectName(u"productHost")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.productHost.sizePolicy().hasHeightForWidth())
        self.productHost.setSizePolicy(sizePolicy)
        self.productHostLayout = QVBoxLayout(self.productHost)
        self.productHostLayout.setObjectName(u"productHostLayout")
        self.productHostLayout.setContentsMargins(0, 0, 0, 0)

        self.productsLayout.addWidget(self.productHost)


        self.contentLayout.addWidget(self.productsGroup)

        self.contentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.contentSpacer)

        self.scrollArea.setWidget(self.scrollContent)

        self.bodyLayout.addWidget(self.scrollArea)


        self.editorLayout.addLayout(self.bodyLayout)

#if QT_CONFIG(shortcut)
        self.villageSearchLabel.setBuddy(self.villageSearch)
        self.regencyComboLabel.setBuddy(self.regencyCombo)
        self.districtComboLabel.setBuddy(self.districtCombo)
        self.villageComboLabel.setBuddy(self.villageCombo)
        self.hamletEditLabel.setBuddy(self.hamletEdit)
        self.latitudeEditLabel.setBuddy(self.latitudeEdit)
        self.longitudeEditLabel.setBuddy(self.longitudeEdit)
        self.gpsSourceComboLabel.setBuddy(self.gpsSourceCombo)
        self.accuracySpinLabel.setBuddy(self.accuracySpin)
        self.surveyDateLabel.setBuddy(self.surveyDate)
        self.officerLabelLabel.setBuddy(self.officerLabel)
        self.respondentsBoxLabel.setBuddy(self.respondentsBox)
        self.populationSpinLabel.setBuddy(self.populationSpin)
        self.householdsSpinLabel.setBuddy(self.householdsSpin)
        self.livelihoodsEditLabel.setBuddy(self.livelihoodsEdit)
        self.roadComboLabel.setBuddy(self.roadCombo)
        self.electricityComboLabel.setBuddy(self.electricityCombo)
        self.signalComboLabel.setBuddy(self.signalCombo)
        self.cooperativesSpinLabel.setBuddy(self.cooperativesSpin)
        self.bumdesComboLabel.setBuddy(self.bumdesCombo)
        self.umkmSpinLabel.setBuddy(self.umkmSpin)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.villageSearch, self.regencyCombo)
        QWidget.setTabOrder(self.regencyCombo, self.districtCombo)
        QWidget.setTabOrder(self.districtCombo, self.villageCombo)
        QWidget.setTabOrder(self.villageCombo, self.hamletEdit)
        QWidget.setTabOrder(self.hamletEdit, self.latitudeEdit)
        QWidget.setTabOrder(self.latitudeEdit, self.longitudeEdit)
        QWidget.setTabOrder(self.longitudeEdit, self.gpsSourceCombo)
        QWidget.setTabOrder(self.gpsSourceCombo, self.gpsFromPhotoButton)
        QWidget.setTabOrder(self.gpsFromPhotoButton, self.accuracySpin)
        QWidget.setTabOrder(self.accuracySpin, self.surveyDate)
        QWidget.setTabOrder(self.surveyDate, self.respondentsTable)
        QWidget.setTabOrder(self.respondentsTable, self.addRespondentButton)
        QWidget.setTabOrder(self.addRespondentButton, self.removeRespondentButton)
        QWidget.setTabOrder(self.removeRespondentButton, self.populationSpin)
        QWidget.setTabOrder(self.populationSpin, self.householdsSpin)
        QWidget.setTabOrder(self.householdsSpin, self.livelihoodsEdit)
        QWidget.setTabOrder(self.livelihoodsEdit, self.roadCombo)
        QWidget.setTabOrder(self.roadCombo, self.electricityCombo)
        QWidget.setTabOrder(self.electricityCombo, self.signalCombo)
        QWidget.setTabOrder(self.signalCombo, self.cooperativesSpin)
        QWidget.setTabOrder(self.cooperativesSpin, self.bumdesCombo)
        QWidget.setTabOrder(self.bumdesCombo, self.umkmSpin)
        QWidget.setTabOrder(self.umkmSpin, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.productList)
        QWidget.setTabOrder(self.productList, self.addProductButton)
        QWidget.setTabOrder(self.addProductButton, self.removeProductButton)
        QWidget.setTabOrder(self.removeProductButton, self.correctButton)
        QWidget.setTabOrder(self.correctButton, self.finalizeButton)
        QWidget.setTabOrder(self.finalizeButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.sectionList)

        self.retranslateUi(SurveyEditor)

        QMetaObject.connectSlotsByName(SurveyEditor)
    # setupUi

    def retranslateUi(self, SurveyEditor):
        self.titleLabel.setText(QCoreApplication.translate("SurveyEditor", u"New survey", None))
        self.statusLabel.setText(QCoreApplication.translate("SurveyEditor", u"Draft", None))
        self.correctButton.setText(QCoreApplication.translate("SurveyEditor", u"&Correct\u2026", None))
#if QT_CONFIG(tooltip)
        self.correctButton.setToolTip(QCoreApplication.translate("SurveyEditor", u"Change a final survey; you will be asked for the reason", None))
#endif // QT_CONFIG(tooltip)
        self.finalizeButton.setText(QCoreApplication.translate("SurveyEditor", u"&Finalise", None))
#if QT_CONFIG(tooltip)
        self.finalizeButton.setToolTip(QCoreApplication.translate("SurveyEditor", u"Check that the survey is complete and mark it final", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("SurveyEditor", u"Dele&te\u2026", None))
        self.backButton.setText(QCoreApplication.translate("SurveyEditor", u"&Back to list", None))

        __sortingEnabled = self.sectionList.isSortingEnabled()
        self.sectionList.setSortingEnabled(False)
        ___qlistwidgetitem = self.sectionList.item(0)
        ___qlistwidgetitem.setText(QCoreApplication.translate("SurveyEditor", u"Place", None))
        ___qlistwidgetitem1 = self.sectionList.item(1)
        ___qlistwidgetitem1.setText(QCoreApplication.translate("SurveyEditor", u"Officer and respondents", None))
        ___qlistwidgetitem2 = self.sectionList.item(2)
        ___qlistwidgetitem2.setText(QCoreApplication.translate("SurveyEditor", u"Village facts", None))
        ___qlistwidgetitem3 = self.sectionList.item(3)
        ___qlistwidgetitem3.setText(QCoreApplication.translate("SurveyEditor", u"Candidate products", None))
        self.sectionList.setSortingEnabled(__sortingEnabled)

        self.placeGroup.setTitle(QCoreApplication.translate("SurveyEditor", u"Place", None))
        self.villageSearchLabel.setText(QCoreApplication.translate("SurveyEditor", u"F&ind village", None))
        self.villageSearch.setPlaceholderText(QCoreApplication.translate("SurveyEditor", u"Type a village name, e.g. Banjang", None))
        self.regencyComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"&Regency / City", None))
        self.districtComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"&District", None))
        self.villageComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"&Village", None))
        self.hamletEditLabel.setText(QCoreApplication.translate("SurveyEditor", u"Ha&mlet / RT", None))
        self.hamletEdit.setPlaceholderText(QCoreApplication.translate("SurveyEditor", u"optional", None))
        self.latitudeEditLabel.setText(QCoreApplication.translate("SurveyEditor", u"&Latitude", None))
        self.latitudeEdit.setPlaceholderText(QCoreApplication.translate("SurveyEditor", u"e.g. -3,4412 or 3\u00b026'28\" S, or paste a map link", None))
        self.longitudeEditLabel.setText(QCoreApplication.translate("SurveyEditor", u"Lon&gitude", None))
        self.longitudeEdit.setPlaceholderText(QCoreApplication.translate("SurveyEditor", u"e.g. 114,8417 or 114\u00b050'30\" E", None))
        self.gpsSourceComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"GPS source", None))
        self.gpsFromPhotoButton.setText(QCoreApplication.translate("SurveyEditor", u"From p&hoto\u2026", None))
#if QT_CONFIG(tooltip)
        self.gpsFromPhotoButton.setToolTip(QCoreApplication.translate("SurveyEditor", u"Read the position and time stored in a photo taken on site", None))
#endif // QT_CONFIG(tooltip)
        self.accuracySpinLabel.setText(QCoreApplication.translate("SurveyEditor", u"Accuracy", None))
        self.accuracySpin.setSuffix(QCoreApplication.translate("SurveyEditor", u" m", None))
        self.officerGroup.setTitle(QCoreApplication.translate("SurveyEditor", u"Officer and respondents", None))
        self.surveyDateLabel.setText(QCoreApplication.translate("SurveyEditor", u"Survey &date", None))
        self.officerLabelLabel.setText(QCoreApplication.translate("SurveyEditor", u"Officer", None))
        self.respondentsBoxLabel.setText(QCoreApplication.translate("SurveyEditor", u"Respondents", None))
        ___qtablewidgetitem = self.respondentsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SurveyEditor", u"Name", None))
        ___qtablewidgetitem1 = self.respondentsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SurveyEditor", u"Role", None))
        ___qtablewidgetitem2 = self.respondentsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SurveyEditor", u"Phone", None))
        self.addRespondentButton.setText(QCoreApplication.translate("SurveyEditor", u"Add res&pondent", None))
        self.removeRespondentButton.setText(QCoreApplication.translate("SurveyEditor", u"Remove respondent", None))
        self.factsGroup.setTitle(QCoreApplication.translate("SurveyEditor", u"Village facts", None))
        self.populationSpinLabel.setText(QCoreApplication.translate("SurveyEditor", u"Popu&lation", None))
        self.populationSpin.setSuffix(QCoreApplication.translate("SurveyEditor", u" people", None))
        self.householdsSpinLabel.setText(QCoreApplication.translate("SurveyEditor", u"Ho&useholds", None))
        self.livelihoodsEditLabel.setText(QCoreApplication.translate("SurveyEditor", u"Main &livelihoods", None))
        self.livelihoodsEdit.setPlaceholderText(QCoreApplication.translate("SurveyEditor", u"e.g. rice farmers, river fishers, craftspeople", None))
        self.roadComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"&Road access", None))
        self.electricityComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"&Electricity", None))
        self.signalComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"Mobile &signal", None))
        self.cooperativesSpinLabel.setText(QCoreApplication.translate("SurveyEditor", u"Cooperati&ves", None))
        self.bumdesComboLabel.setText(QCoreApplication.translate("SurveyEditor", u"BUM&Des", None))
        self.umkmSpinLabel.setText(QCoreApplication.translate("SurveyEditor", u"&UMKM (micro and small firms)", None))
        self.notesEditLabel.setText(QCoreApplication.translate("SurveyEditor", u"&Notes", None))
        self.productsGroup.setTitle(QCoreApplication.translate("SurveyEditor", u"Candidate products", None))
        self.addProductButton.setText(QCoreApplication.translate("SurveyEditor", u"&Add candidate", None))
        self.removeProductButton.setText(QCoreApplication.translate("SurveyEditor", u"Remove candidate\u2026", None))
        pass
    # retranslateUi

