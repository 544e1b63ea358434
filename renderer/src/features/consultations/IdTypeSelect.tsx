import type { SelectProps } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { useStation } from '../../state/StationContext';

/**
 * The station's ID types (built-in plus the province's), for every form that records a
 * person's document: the consultation form and the detainee request form offer the same
 * list, and the consultation schema checks the number by the type chosen.
 */
export function IdTypeSelect(props: Omit<SelectProps, 'options'>) {
  const { enums } = useStation();
  return <SearchSelect {...props} options={enums.idTypes.map((e) => ({ value: e.code, label: e.label }))} />;
}
