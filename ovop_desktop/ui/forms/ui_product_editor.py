# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'product_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDoubleSpinBox,
    QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QListView, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ProductEditor(object):
    def setupUi(self, ProductEditor):
        if not ProductEditor.objectName():
            ProductEditor.setObjectName(u"ProductEditor")
        self.productForm = QFormLayout(ProductEditor)
        self.productForm.setObjectName(u"productForm")
        self.productForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.productForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameEditLabel = QLabel(ProductEditor)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.productForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(ProductEditor)
        self.nameEdit.setObjectName(u"nameEdit")

        self.productForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.categoryComboLabel = QLabel(ProductEditor)
        self.categoryComboLabel.setObjectName(u"categoryComboLabel")

        self.productForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryComboLabel)

        self.categoryCombo = QComboBox(ProductEditor)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.productForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.descriptionEditLabel = QLabel(ProductEditor)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.productForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionEditLabel)

        self.descriptionEdit = QPlainTextEdit(ProductEditor)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaximumSize(QSize(16777215, 70))
        self.descriptionEdit.setTabChangesFocus(True)

        self.productForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.producerUnitsSpinLabel = QLabel(ProductEditor)
        self.producerUnitsSpinLabel.setObjectName(u"producerUnitsSpinLabel")

        self.productForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.producerUnitsSpinLabel)

        self.producerUnitsSpin = QSpinBox(ProductEditor)
        self.producerUnitsSpin.setObjectName(u"producerUnitsSpin")
        self.producerUnitsSpin.setMinimum(-1)
        self.producerUnitsSpin.setMaximum(1000000)
        self.producerUnitsSpin.setValue(-1)
        self.producerUnitsSpin.setSpecialValueText(u"\u2014")
        self.producerUnitsSpin.setGroupSeparatorShown(True)

        self.productForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.producerUnitsSpin)

        self.groupedUnitsSpinLabel = QLabel(ProductEditor)
        self.groupedUnitsSpinLabel.setObjectName(u"groupedUnitsSpinLabel")

        self.productForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.groupedUnitsSpinLabel)

        self.groupedUnitsSpin = QSpinBox(ProductEditor)
        self.groupedUnitsSpin.setObjectName(u"groupedUnitsSpin")
        self.groupedUnitsSpin.setMinimum(-1)
        self.groupedUnitsSpin.setMaximum(1000000)
        self.groupedUnitsSpin.setValue(-1)
        self.groupedUnitsSpin.setSpecialValueText(u"\u2014")
        self.groupedUnitsSpin.setGroupSeparatorShown(True)

        self.productForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.groupedUnitsSpin)

        self.workersSpinLabel = QLabel(ProductEditor)
        self.workersSpinLabel.setObjectName(u"workersSpinLabel")

        self.productForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.workersSpinLabel)

        self.workersSpin = QSpinBox(ProductEditor)
        self.workersSpin.setObjectName(u"workersSpin")
        self.workersSpin.setMinimum(-1)
        self.workersSpin.setMaximum(1000000)
        self.workersSpin.setValue(-1)
        self.workersSpin.setSpecialValueText(u"\u2014")
        self.workersSpin.setGroupSeparatorShown(True)

        self.productForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.workersSpin)

        self.productionSpinLabel = QLabel(ProductEditor)
        self.productionSpinLabel.setObjectName(u"productionSpinLabel")

        self.productForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.productionSpinLabel)

        self.productionBox = QWidget(ProductEditor)
        self.productionBox.setObjectName(u"productionBox")
        self.productionLayout = QHBoxLayout(self.productionBox)
        self.productionLayout.setObjectName(u"productionLayout")
        self.productionLayout.setContentsMargins(0, 0, 0, 0)
        self.productionSpin = QDoubleSpinBox(self.productionBox)
        self.productionSpin.setObjectName(u"productionSpin")
        self.productionSpin.setMinimum(-1.000000000000000)
        self.productionSpin.setMaximum(100000000.000000000000000)
        self.productionSpin.setDecimals(1)
        self.productionSpin.setValue(-1.000000000000000)
        self.productionSpin.setSpecialValueText(u"\u2014")
        self.productionSpin.setGroupSeparatorShown(True)

        self.productionLayout.addWidget(self.productionSpin)

        self.unitEdit = QLineEdit(self.productionBox)
        self.unitEdit.setObjectName(u"unitEdit")

        self.productionLayout.addWidget(self.unitEdit)


        self.productForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.productionBox)

        self.priceEditLabel = QLabel(ProductEditor)
        self.priceEditLabel.setObjectName(u"priceEditLabel")

        self.productForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.priceEditLabel)

        self.priceEdit = QLineEdit(ProductEditor)
        self.priceEdit.setObjectName(u"priceEdit")

        self.productForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.priceEdit)

        self.localPctSpinLabel = QLabel(ProductEditor)
        self.localPctSpinLabel.setObjectName(u"localPctSpinLabel")

        self.productForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.localPctSpinLabel)

        self.localPctSpin = QSpinBox(ProductEditor)
        self.localPctSpin.setObjectName(u"localPctSpin")
        self.localPctSpin.setMinimum(-1)
        self.localPctSpin.setMaximum(100)
        self.localPctSpin.setValue(-1)
        self.localPctSpin.setSpecialValueText(u"\u2014")
        self.localPctSpin.setGroupSeparatorShown(True)

        self.productForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.localPctSpin)

        self.marketComboLabel = QLabel(ProductEditor)
        self.marketComboLabel.setObjectName(u"marketComboLabel")

        self.productForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.marketComboLabel)

        self.marketCombo = QComboBox(ProductEditor)
        self.marketCombo.setObjectName(u"marketCombo")

        self.productForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.marketCombo)

        self.permitsBoxLabel = QLabel(ProductEditor)
        self.permitsBoxLabel.setObjectName(u"permitsBoxLabel")

        self.productForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.permitsBoxLabel)

        self.permitsBox = QWidget(ProductEditor)
        self.permitsBox.setObjectName(u"permitsBox")
        self.permitsLayout = QGridLayout(self.permitsBox)
        self.permitsLayout.setObjectName(u"permitsLayout")
        self.permitsLayout.setContentsMargins(0, 0, 0, 0)
        self.permitNib = QCheckBox(self.permitsBox)
        self.permitNib.setObjectName(u"permitNib")

        self.permitsLayout.addWidget(self.permitNib, 0, 0, 1, 1)

        self.permitPirt = QCheckBox(self.permitsBox)
        self.permitPirt.setObjectName(u"permitPirt")

        self.permitsLayout.addWidget(self.permitPirt, 0, 1, 1, 1)

        self.permitBpom = QCheckBox(self.permitsBox)
        self.permitBpom.setObjectName(u"permitBpom")

        self.permitsLayout.addWidget(self.permitBpom, 0, 2, 1, 1)

        self.permitHalal = QCheckBox(self.permitsBox)
        self.permitHalal.setObjectName(u"permitHalal")

        self.permitsLayout.addWidget(self.permitHalal, 1, 0, 1, 1)

        self.permitSni = QCheckBox(self.permitsBox)
        self.permitSni.setObjectName(u"permitSni")

        self.permitsLayout.addWidget(self.permitSni, 1, 1, 1, 1)

        self.permitHki = QCheckBox(self.permitsBox)
        self.permitHki.setObjectName(u"permitHki")

        self.permitsLayout.addWidget(self.permitHki, 1, 2, 1, 1)


        self.productForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.permitsBox)

        self.storyEditLabel = QLabel(ProductEditor)
        self.storyEditLabel.setObjectName(u"storyEditLabel")

        self.productForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.storyEditLabel)

        self.storyEdit = QPlainTextEdit(ProductEditor)
        self.storyEdit.setObjectName(u"storyEdit")
        self.storyEdit.setMaximumSize(QSize(16777215, 90))
        self.storyEdit.setTabChangesFocus(True)

        self.productForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.storyEdit)

        self.photosBoxLabel = QLabel(ProductEditor)
        self.photosBoxLabel.setObjectName(u"photosBoxLabel")

        self.productForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.photosBoxLabel)

        self.photosBox = QWidget(ProductEditor)
        self.photosBox.setObjectName(u"photosBox")
        self.photosLayout = QVBoxLayout(self.photosBox)
        self.photosLayout.setObjectName(u"photosLayout")
        self.photosLayout.setContentsMargins(0, 0, 0, 0)
        self.photoList = QListWidget(self.photosBox)
        self.photoList.setObjectName(u"photoList")
        self.photoList.setViewMode(QListView.ViewMode.IconMode)
        self.photoList.setIconSize(QSize(96, 96))
        self.photoList.setMinimumSize(QSize(0, 124))
        self.photoList.setMaximumSize(QSize(16777215, 124))
        self.photoList.setFlow(QListView.Flow.LeftToRight)
        self.photoList.setWrapping(False)
        self.photoList.setMovement(QListView.Movement.Static)
        self.photoList.setAcceptDrops(False)

        self.photosLayout.addWidget(self.photoList)

        self.photoButtons = QHBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.addPhotoButton = QPushButton(self.photosBox)
        self.addPhotoButton.setObjectName(u"addPhotoButton")

        self.photoButtons.addWidget(self.addPhotoButton)

        self.removePhotoButton = QPushButton(self.photosBox)
        self.removePhotoButton.setObjectName(u"removePhotoButton")

        self.photoButtons.addWidget(self.removePhotoButton)

        self.dropHint = QLabel(self.photosBox)
        self.dropHint.setObjectName(u"dropHint")

        self.photoButtons.addWidget(self.dropHint)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoButtons.addItem(self.photoSpacer)


        self.photosLayout.addLayout(self.photoButtons)


        self.productForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.photosBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.categoryComboLabel.setBuddy(self.categoryCombo)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
        self.producerUnitsSpinLabel.setBuddy(self.producerUnitsSpin)
        self.groupedUnitsSpinLabel.setBuddy(self.groupedUnitsSpin)
        self.workersSpinLabel.setBuddy(self.workersSpin)
        self.productionSpinLabel.setBuddy(self.productionSpin)
        self.priceEditLabel.setBuddy(self.priceEdit)
        self.localPctSpinLabel.setBuddy(self.localPctSpin)
        self.marketComboLabel.setBuddy(self.marketCombo)
        self.permitsBoxLabel.setBuddy(self.permitsBox)
        self.storyEditLabel.setBuddy(self.storyEdit)
        self.photosBoxLabel.setBuddy(self.photosBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.producerUnitsSpin)
        QWidget.setTabOrder(self.producerUnitsSpin, self.groupedUnitsSpin)
        QWidget.setTabOrder(self.groupedUnitsSpin, self.workersSpin)
        QWidget.setTabOrder(self.workersSpin, self.productionSpin)
        QWidget.setTabOrder(self.productionSpin, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.priceEdit)
        QWidget.setTabOrder(self.priceEdit, self.localPctSpin)
        QWidget.setTabOrder(self.localPctSpin, self.marketCombo)
        QWidget.setTabOrder(self.marketCombo, self.permitNib)
        QWidget.setTabOrder(self.permitNib, self.permitPirt)
        QWidget.setTabOrder(self.permitPirt, self.permitBpom)
        QWidget.setTabOrder(self.permitBpom, self.permitHalal)
        QWidget.setTabOrder(self.permitHalal, self.permitSni)
        QWidget.setTabOrder(self.permitSni, self.permitHki)
        QWidget.setTabOrder(self.permitHki, self.storyEdit)
        QWidget.setTabOrder(self.storyEdit, self.addPhotoButton)
        QWidget.setTabOrder(self.addPhotoButton, self.removePhotoButton)

        self.retranslateUi(ProductEditor)

        QMetaObject.connectSlotsByName(ProductEditor)
    # setupUi

    def retranslateUi(self, ProductEditor):
        self.nameEditLabel.setText(QCoreApplication.translate("ProductEditor", u"Product &name", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ProductEditor", u"e.g. Anyaman Purun", None))
        self.categoryComboLabel.setText(QCoreApplication.translate("ProductEditor", u"Categor&y", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("ProductEditor", u"&Description", None))
        self.producerUnitsSpinLabel.setText(QCoreApplication.translate("ProductEditor", u"Business &units", None))
        self.groupedUnitsSpinLabel.setText(QCoreApplication.translate("ProductEditor", u"\u2026in a &group or cooperative", None))
        self.workersSpinLabel.setText(QCoreApplication.translate("ProductEditor", u"&Workers", None))
        self.productionSpinLabel.setText(QCoreApplication.translate("ProductEditor", u"&Monthly production", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("ProductEditor", u"unit, e.g. kg, pieces, sheets", None))
        self.priceEditLabel.setText(QCoreApplication.translate("ProductEditor", u"Unit p&rice (Rp)", None))
        self.priceEdit.setPlaceholderText(QCoreApplication.translate("ProductEditor", u"e.g. 45.000", None))
        self.localPctSpinLabel.setText(QCoreApplication.translate("ProductEditor", u"&Local raw material", None))
        self.localPctSpin.setSuffix(QCoreApplication.translate("ProductEditor", u" %", None))
        self.marketComboLabel.setText(QCoreApplication.translate("ProductEditor", u"&Market reach", None))
        self.permitsBoxLabel.setText(QCoreApplication.translate("ProductEditor", u"Permits held", None))
        self.permitNib.setText(QCoreApplication.translate("ProductEditor", u"NIB", None))
        self.permitPirt.setText(QCoreApplication.translate("ProductEditor", u"PIRT", None))
        self.permitBpom.setText(QCoreApplication.translate("ProductEditor", u"BPOM", None))
        self.permitHalal.setText(QCoreApplication.translate("ProductEditor", u"Halal", None))
        self.permitSni.setText(QCoreApplication.translate("ProductEditor", u"SNI", None))
        self.permitHki.setText(QCoreApplication.translate("ProductEditor", u"Trademark / IPR", None))
        self.storyEditLabel.setText(QCoreApplication.translate("ProductEditor", u"Product &story", None))
        self.storyEdit.setPlaceholderText(QCoreApplication.translate("ProductEditor", u"Where it comes from, who makes it, what makes it special", None))
        self.photosBoxLabel.setText(QCoreApplication.translate("ProductEditor", u"Photos", None))
#if QT_CONFIG(tooltip)
        self.photoList.setToolTip(QCoreApplication.translate("ProductEditor", u"Drop photo files here", None))
#endif // QT_CONFIG(tooltip)
        self.addPhotoButton.setText(QCoreApplication.translate("ProductEditor", u"Add ph&oto\u2026", None))
        self.removePhotoButton.setText(QCoreApplication.translate("ProductEditor", u"Remove photo", None))
        self.dropHint.setText(QCoreApplication.translate("ProductEditor", u"or drag photo files onto this form", None))
        pass
    # retranslateUi

